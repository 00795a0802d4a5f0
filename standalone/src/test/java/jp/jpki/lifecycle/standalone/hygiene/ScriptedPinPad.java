package jp.jpki.lifecycle.standalone.hygiene;

import java.util.EnumMap;
import java.util.Map;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.card.jpki.Pin;
import jp.jpki.lifecycle.card.terminal.PinPad;

/** A PIN pad whose resident types what the test tells them to, so the test knows which PINs to look for. */
final class ScriptedPinPad implements PinPad {

    private final Map<CertificateKind, String> typed = new EnumMap<>(CertificateKind.class);

    void willType(CertificateKind kind, String pin) {
        typed.put(kind, pin);
    }

    @Override
    public Pin enterPin(CertificateKind kind) {
        return Pin.entered(typed.get(kind));
    }

    @Override
    public Pin chooseNewPin(CertificateKind kind) {
        return Pin.chosen(kind, typed.get(kind));
    }
}
