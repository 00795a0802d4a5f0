package jp.jpki.lifecycle.cardsim;

import java.util.EnumMap;
import java.util.Map;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.card.jpki.Pin;
import jp.jpki.lifecycle.card.terminal.PinPad;

/**
 * A demo terminal's stand-in for a PIN pad: every resident "types" the same configured demo PINs
 * ({@code jpki.terminal.demo-pins}), so a demo card can be used with OpenSC afterwards (README). Wired only under
 * the demo profile with {@code jpki.terminal.pin-entry=demo}; a counter's residents type on the reader's pad or
 * the terminal's keypad page.
 */
public final class DemoPinPad implements PinPad {

    private final Map<CertificateKind, String> pins;

    public DemoPinPad(Map<CertificateKind, String> pins) {
        for (CertificateKind kind : CertificateKind.values()) {
            if (pins.get(kind) == null) {
                throw new IllegalArgumentException("jpki.terminal.demo-pins names no " + kind + " PIN");
            }
        }
        this.pins = new EnumMap<>(pins);
    }

    @Override
    public Pin enterPin(CertificateKind kind) {
        return Pin.entered(pins.get(kind));
    }

    @Override
    public Pin chooseNewPin(CertificateKind kind) {
        return Pin.chosen(kind, pins.get(kind));
    }
}
