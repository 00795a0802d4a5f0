package jp.jpki.lifecycle.card.jpki;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The issuer-authentication proof both ends compute (docs/card-protocol.md, "Issuer authentication"): an
 * ECDSA P-256 / SHA-256 signature by the issuer key over a domain label, the card's fresh challenge and the
 * card's id. The challenge makes each proof single-use; the card id keeps a proof from serving another card.
 */
public final class IssuerAuthentication {

    public static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    /** P2 of EXTERNAL AUTHENTICATE: the issuer key the card was personalised with. */
    public static final int ISSUER_KEY_REFERENCE = 0x81;
    public static final int CHALLENGE_LENGTH = 16;
    private static final byte[] LABEL = "JPKI-LIFECYCLE-ISSUER-AUTH-1".getBytes(StandardCharsets.US_ASCII);

    private IssuerAuthentication() {
    }

    public static byte[] signedMessage(byte[] challenge, String cardId) {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.writeBytes(LABEL);
        message.write(0);
        message.writeBytes(challenge);
        message.writeBytes(cardId.getBytes(StandardCharsets.US_ASCII));
        return message.toByteArray();
    }
}
