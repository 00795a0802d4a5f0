package jp.jpki.lifecycle.cardsim;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.card.jpki.JpkiFile;

/**
 * What a virtual card keeps across power cycles, as a real card keeps it in EEPROM: its id, the issuer's
 * public key (burnt in when personalised), file contents, key pairs and PINs. Session state is not here.
 */
final class CardState {

    /** Capacity of each certificate EF; real certificates are 1-2 KB. */
    static final int EF_CAPACITY = 4096;
    private static final String TOKEN = "JPKIAPICCTOKEN2";

    private final String cardId;
    private final PublicKey issuerKey;
    private final Map<JpkiFile, byte[]> contents = new EnumMap<>(JpkiFile.class);
    private final Map<CertificateKind, KeyPair> keys = new EnumMap<>(CertificateKind.class);
    private final Map<CertificateKind, PinRecord> pins = new EnumMap<>(CertificateKind.class);

    CardState(String cardId, PublicKey issuerKey) {
        this.cardId = cardId;
        this.issuerKey = issuerKey;
        contents.put(JpkiFile.TOKEN_INFO, Arrays.copyOf(padded(TOKEN), 32));
        for (CertificateKind kind : CertificateKind.values()) {
            contents.put(JpkiFile.certificate(kind), new byte[0]);
            contents.put(JpkiFile.ca(kind), new byte[0]);
        }
    }

    String cardId() {
        return cardId;
    }

    PublicKey issuerKey() {
        return issuerKey;
    }

    /** Transparent EFs: certificates, CA certificates, token info. Key and PIN EFs have no readable content. */
    static boolean isTransparent(JpkiFile file) {
        return switch (file) {
            case TOKEN_INFO, SIGN_CERTIFICATE, SIGN_CA, AUTH_CERTIFICATE, AUTH_CA -> true;
            default -> false;
        };
    }

    static boolean isWritableByIssuer(JpkiFile file) {
        return isTransparent(file) && file != JpkiFile.TOKEN_INFO;
    }

    byte[] content(JpkiFile file) {
        return contents.get(file);
    }

    void setContent(JpkiFile file, byte[] content) {
        contents.put(file, content);
    }

    KeyPair key(CertificateKind kind) {
        return keys.get(kind);
    }

    void setKey(CertificateKind kind, KeyPair pair) {
        keys.put(kind, pair);
    }

    PinRecord pin(CertificateKind kind) {
        return pins.get(kind);
    }

    void setPin(CertificateKind kind, PinRecord pin) {
        pins.put(kind, pin);
    }

    Map<JpkiFile, byte[]> contents() {
        return contents;
    }

    private static byte[] padded(String token) {
        byte[] padded = new byte[32];
        Arrays.fill(padded, (byte) ' ');
        byte[] ascii = token.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(ascii, 0, padded, 0, ascii.length);
        return padded;
    }
}
