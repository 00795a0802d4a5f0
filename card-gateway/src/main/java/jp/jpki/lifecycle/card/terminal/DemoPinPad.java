package jp.jpki.lifecycle.card.terminal;

import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.card.jpki.Pin;

/**
 * The embedded demo's stand-in for a PIN pad: every resident "types" the same well-known demo PINs, so a demo
 * card can be used with OpenSC afterwards (README). Never for a real counter: provide a {@link PinPad} bean
 * that reads the terminal's pad instead.
 */
public final class DemoPinPad implements PinPad {

    public static final String AUTH_PIN = "1234";
    public static final String SIGN_PIN = "DEMO2024";

    @Override
    public Pin enterPin(CertificateKind kind) {
        return Pin.entered(value(kind));
    }

    @Override
    public Pin chooseNewPin(CertificateKind kind) {
        return Pin.chosen(kind, value(kind));
    }

    private static String value(CertificateKind kind) {
        return kind == CertificateKind.AUTH ? AUTH_PIN : SIGN_PIN;
    }
}
