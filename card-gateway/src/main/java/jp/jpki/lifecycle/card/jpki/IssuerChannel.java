package jp.jpki.lifecycle.card.jpki;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import jp.jpki.lifecycle.api.pair.CertificateKind;

/**
 * Our issuance-side card commands (R-CRD-4; every APDU in docs/card-protocol.md): generate a key pair, write
 * an EF, reset a PIN. The card accepts them only in a session opened by issuer authentication, so an instance
 * exists only after {@link #open} succeeded.
 */
public final class IssuerChannel {

    /** Our GET DATA tag for the card's opaque id (ISO 7816-6 tag 5A, "application identifier number"). */
    static final int CARD_ID_TAG = 0x5A;
    /** Short UPDATE BINARY bodies, so every reader and driver carries them. */
    static final int WRITE_CHUNK = 255;
    private static final int PUBLIC_KEY_TEMPLATE = 0x7F49;
    private static final int READ_PUBLIC_KEY = 0x81;

    private final JpkiCard card;
    private final ApduTransport transport;
    private final String cardId;

    private IssuerChannel(ApduTransport transport, String cardId) {
        this.transport = transport;
        this.card = new JpkiCard(transport);
        this.cardId = cardId;
    }

    /** The id the card reports about itself; readable without authentication. */
    private static String cardId(ApduTransport transport) throws CardException {
        byte[] id = new JpkiCard(transport).send(new CommandAPDU(0x00, 0xCA, 0x00, CARD_ID_TAG, 256)).dataOrThrow("GET DATA card id");
        return new String(id, StandardCharsets.US_ASCII);
    }

    /**
     * Selects the application, then GET CHALLENGE and EXTERNAL AUTHENTICATE with the issuer key. Throws
     * {@link CardRefusedException} when the card does not accept the issuer.
     */
    public static IssuerChannel open(ApduTransport transport, IssuerKey issuer) throws CardException {
        String cardId = cardId(transport);
        JpkiCard card = new JpkiCard(transport);
        card.selectApplication().dataOrThrow("SELECT JPKI AP");
        byte[] challenge = card.send(new CommandAPDU(0x00, 0x84, 0x00, 0x00, IssuerAuthentication.CHALLENGE_LENGTH))
                .dataOrThrow("GET CHALLENGE");
        card.send(new CommandAPDU(0x00, 0x82, 0x00, IssuerAuthentication.ISSUER_KEY_REFERENCE, issuer.prove(challenge, cardId)))
                .dataOrThrow("EXTERNAL AUTHENTICATE");
        return new IssuerChannel(transport, cardId);
    }

    public String cardId() {
        return cardId;
    }

    public JpkiCard card() {
        return card;
    }

    /**
     * GENERATE KEY PAIR on the kind's key EF: a new RSA-2048 key whose private half never leaves the card.
     * The card erases the kind's certificate EF, which no longer matches.
     */
    public RSAPublicKey generateKeyPair(CertificateKind kind) throws CardException {
        card.select(JpkiFile.key(kind)).dataOrThrow("SELECT " + JpkiFile.key(kind));
        byte[] template = card.send(new CommandAPDU(0x80, 0x46, 0x00, 0x00, 65536)).dataOrThrow("GENERATE KEY PAIR " + kind);
        return publicKey(template);
    }

    /**
     * The public key the card holds on the kind's key EF (GENERATE KEY PAIR with P1 81: read, do not generate),
     * or {@code null} when the EF holds no key yet.
     */
    public RSAPublicKey publicKey(CertificateKind kind) throws CardException {
        card.select(JpkiFile.key(kind)).dataOrThrow("SELECT " + JpkiFile.key(kind));
        CardResult answer = card.send(new CommandAPDU(0x80, 0x46, READ_PUBLIC_KEY, 0x00, 65536));
        if (answer instanceof CardResult.Refused refused && refused.statusWord() == StatusWord.REFERENCE_NOT_FOUND) {
            return null;
        }
        return publicKey(answer.dataOrThrow("READ PUBLIC KEY " + kind));
    }

    /** ERASE BINARY, then UPDATE BINARY in chunks: the EF holds exactly {@code content} afterwards. */
    public void write(JpkiFile file, byte[] content) throws CardException {
        card.select(file).dataOrThrow("SELECT " + file);
        card.send(new CommandAPDU(0x00, 0x0E, 0x00, 0x00)).dataOrThrow("ERASE BINARY " + file);
        for (int offset = 0; offset < content.length; offset += WRITE_CHUNK) {
            byte[] chunk = Arrays.copyOfRange(content, offset, Math.min(content.length, offset + WRITE_CHUNK));
            card.send(new CommandAPDU(0x00, 0xD6, offset >> 8, offset & 0xFF, chunk)).dataOrThrow("UPDATE BINARY " + file);
        }
    }

    /** RESET RETRY COUNTER with new reference data: the PIN is replaced and its counter set to the maximum. */
    public void resetPin(CertificateKind kind, Pin newPin) throws CardException {
        card.select(JpkiFile.pin(kind)).dataOrThrow("SELECT " + JpkiFile.pin(kind));
        card.send(new CommandAPDU(0x00, 0x2C, 0x02, 0x80, newPin.bytes())).dataOrThrow("RESET RETRY COUNTER " + kind);
    }

    /** Parses {@code 7F49 { 81 modulus, 82 exponent }} (ISO 7816-8 public key template). */
    static RSAPublicKey publicKey(byte[] template) {
        Tlv outer = Tlv.parse(template, 0);
        if (outer.tag() != PUBLIC_KEY_TEMPLATE) {
            throw new IllegalStateException("the card answered GENERATE KEY PAIR without a public key template");
        }
        BigInteger modulus = null;
        BigInteger exponent = null;
        for (int at = outer.valueOffset(); at < outer.end(); ) {
            Tlv inner = Tlv.parse(template, at);
            byte[] value = Arrays.copyOfRange(template, inner.valueOffset(), inner.end());
            if (inner.tag() == 0x81) {
                modulus = new BigInteger(1, value);
            } else if (inner.tag() == 0x82) {
                exponent = new BigInteger(1, value);
            }
            at = inner.end();
        }
        if (modulus == null || exponent == null) {
            throw new IllegalStateException("the card's public key template lacks the modulus or the exponent");
        }
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
