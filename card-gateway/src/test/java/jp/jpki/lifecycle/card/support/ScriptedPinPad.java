package jp.jpki.lifecycle.card.support;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.card.jpki.Pin;
import jp.jpki.lifecycle.card.terminal.PinPad;

/** A PIN pad whose resident types what the test scripted: queued entries first, then the current PIN. */
public final class ScriptedPinPad implements PinPad {

    private final Map<CertificateKind, String> current = new EnumMap<>(Map.of(CertificateKind.AUTH, "1234",
            CertificateKind.SIGN, "ABC123"));
    private final Map<CertificateKind, Deque<String>> typed = new EnumMap<>(CertificateKind.class);

    public synchronized ScriptedPinPad willType(CertificateKind kind, String... entries) {
        typed.computeIfAbsent(kind, k -> new ArrayDeque<>()).addAll(java.util.List.of(entries));
        return this;
    }

    public synchronized ScriptedPinPad willChoose(CertificateKind kind, String newPin) {
        current.put(kind, newPin);
        return this;
    }

    public synchronized String currentPin(CertificateKind kind) {
        return current.get(kind);
    }

    @Override
    public synchronized Pin enterPin(CertificateKind kind) {
        Deque<String> queue = typed.get(kind);
        return Pin.entered(queue != null && !queue.isEmpty() ? queue.poll() : current.get(kind));
    }

    @Override
    public synchronized Pin chooseNewPin(CertificateKind kind) {
        return Pin.chosen(kind, current.get(kind));
    }
}
