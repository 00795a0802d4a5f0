package jp.jpki.lifecycle.card.jpki;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;
import jp.jpki.lifecycle.api.pair.CertificateKind;

/**
 * A PIN as typed on the terminal's PIN pad, on its way to the card and nowhere else (R-PIN-5). Not a record,
 * so it has no value-revealing {@code toString}, {@code equals} or serialised form; closing it wipes the bytes.
 */
public final class Pin implements AutoCloseable {

    private static final Pattern AUTH_FORMAT = Pattern.compile("\\d{4}");
    private static final Pattern SIGN_FORMAT = Pattern.compile("[A-Z0-9]{6,16}");
    private static final Pattern LETTER = Pattern.compile(".*[A-Z].*");
    private static final Pattern DIGIT = Pattern.compile(".*\\d.*");

    private final byte[] ascii;

    private Pin(byte[] ascii) {
        this.ascii = ascii;
    }

    /**
     * A PIN the resident typed to prove they know it; the card alone decides whether it is right. Read character
     * by character, so a PIN held in a {@code char[]} (wrapped) never becomes a String.
     */
    public static Pin entered(CharSequence typed) {
        byte[] ascii = new byte[typed.length()];
        for (int i = 0; i < ascii.length; i++) {
            char c = typed.charAt(i);
            ascii[i] = c < 0x80 ? (byte) c : (byte) '?';
        }
        return new Pin(ascii);
    }

    /** A PIN chosen as the new one: R-PIN-1's format, including letter and digit for SIGN, is checked here. */
    public static Pin chosen(CertificateKind kind, CharSequence value) {
        boolean valid = kind == CertificateKind.AUTH ? AUTH_FORMAT.matcher(value).matches()
                : SIGN_FORMAT.matcher(value).matches() && LETTER.matcher(value).matches() && DIGIT.matcher(value).matches();
        if (!valid) {
            throw new IllegalArgumentException(kind == CertificateKind.AUTH
                    ? "R-PIN-1: the AUTH PIN is exactly 4 digits"
                    : "R-PIN-1: the SIGN PIN is 6-16 characters of A-Z and 0-9 with at least one letter and one digit");
        }
        return entered(value);
    }

    /** The card's own format check (R-PIN-1: the card checks only characters and length). */
    public static boolean fitsCard(CertificateKind kind, byte[] ascii) {
        String value = new String(ascii, StandardCharsets.US_ASCII);
        return (kind == CertificateKind.AUTH ? AUTH_FORMAT : SIGN_FORMAT).matcher(value).matches();
    }

    byte[] bytes() {
        return ascii.clone();
    }

    @Override
    public void close() {
        Arrays.fill(ascii, (byte) 0);
    }

    @Override
    public String toString() {
        return "Pin[***]";
    }
}
