package jp.jpki.lifecycle.cardsim;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Arrays;
import javax.smartcardio.CommandAPDU;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.card.jpki.IssuerAuthentication;
import jp.jpki.lifecycle.card.jpki.JpkiFile;
import jp.jpki.lifecycle.card.jpki.Pin;
import jp.jpki.lifecycle.card.jpki.StatusWord;
import jp.jpki.lifecycle.card.jpki.Tlv;

/**
 * The virtual card's side of our issuance commands (R-CRD-4, docs/card-protocol.md): GET DATA of the card id,
 * GET CHALLENGE and EXTERNAL AUTHENTICATE to open an issuer session, then GENERATE KEY PAIR, ERASE/UPDATE
 * BINARY and RESET RETRY COUNTER, each refused with {@code 6982} outside that session.
 */
final class IssuanceCommands {

    private static final int CARD_ID_TAG = 0x5A;
    private static final int READ_PUBLIC_KEY = 0x81;

    private final CardState state;
    private final CardSession session;
    private final SecureRandom random;

    IssuanceCommands(CardState state, CardSession session, SecureRandom random) {
        this.state = state;
        this.session = session;
        this.random = random;
    }

    Response getData(CommandAPDU c) {
        if (c.getP1() != 0x00 || c.getP2() != CARD_ID_TAG) {
            return Response.of(StatusWord.REFERENCE_NOT_FOUND);
        }
        return new Response(state.cardId().getBytes(StandardCharsets.US_ASCII), StatusWord.OK, false);
    }

    Response getChallenge(CommandAPDU c) {
        if (c.getNe() != IssuerAuthentication.CHALLENGE_LENGTH) {
            return Response.of(StatusWord.WRONG_LENGTH);
        }
        byte[] challenge = new byte[IssuerAuthentication.CHALLENGE_LENGTH];
        random.nextBytes(challenge);
        session.challenge = challenge;
        session.issuerAuthenticated = false;
        return new Response(challenge.clone(), StatusWord.OK, false);
    }

    /** Verifies the issuer's signature over the outstanding challenge; each challenge serves one attempt. */
    Response externalAuthenticate(CommandAPDU c) {
        if (c.getP1() != 0x00 || c.getP2() != IssuerAuthentication.ISSUER_KEY_REFERENCE) {
            return Response.of(StatusWord.REFERENCE_NOT_FOUND);
        }
        byte[] challenge = session.challenge;
        session.challenge = null;
        if (challenge == null) {
            return Response.of(StatusWord.CONDITIONS_NOT_SATISFIED);
        }
        try {
            Signature verifier = Signature.getInstance(IssuerAuthentication.SIGNATURE_ALGORITHM);
            verifier.initVerify(state.issuerKey());
            verifier.update(IssuerAuthentication.signedMessage(challenge, state.cardId()));
            session.issuerAuthenticated = verifier.verify(c.getData());
        } catch (GeneralSecurityException e) {
            session.issuerAuthenticated = false; // a malformed signature is a failed one
        }
        return Response.of(session.issuerAuthenticated ? StatusWord.OK : StatusWord.VERIFICATION_FAILED);
    }

    /**
     * A new RSA-2048 key on the current key EF; the matching certificate EF is erased, as it no longer fits. P1 81
     * reads the key the EF holds instead, without changing it.
     */
    Response generateKeyPair(CommandAPDU c) {
        CertificateKind kind = VirtualJpkiCard.keyKind(session.current);
        if (c.getP1() == READ_PUBLIC_KEY) {
            Response refusal = refusal(c, READ_PUBLIC_KEY, 0x00, kind != null);
            if (refusal != null) {
                return refusal;
            }
            KeyPair existing = state.key(kind);
            return existing == null ? Response.of(StatusWord.REFERENCE_NOT_FOUND)
                    : new Response(template((RSAPublicKey) existing.getPublic()), StatusWord.OK, false);
        }
        Response refusal = refusal(c, 0x00, 0x00, kind != null);
        if (refusal != null) {
            return refusal;
        }
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4), random);
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no RSA key generation in this JDK", e);
        }
        state.setKey(kind, pair);
        state.setContent(JpkiFile.certificate(kind), new byte[0]);
        return new Response(template((RSAPublicKey) pair.getPublic()), StatusWord.OK, true);
    }

    private static byte[] template(RSAPublicKey key) {
        return Tlv.encode(0x7F49, concat(Tlv.encode(0x81, unsigned(key.getModulus())),
                Tlv.encode(0x82, unsigned(key.getPublicExponent()))));
    }

    Response eraseBinary(CommandAPDU c) {
        Response refusal = refusal(c, 0x00, 0x00, session.current != null && CardState.isWritableByIssuer(session.current));
        if (refusal != null) {
            return refusal;
        }
        state.setContent(session.current, new byte[0]);
        return Response.okChanged();
    }

    /** Writes at an offset no further than the current end, so the EF never has holes; it grows as written. */
    Response updateBinary(CommandAPDU c) {
        JpkiFile file = session.current;
        if (file == null || !CardState.isWritableByIssuer(file)) {
            return Response.of(file == null ? StatusWord.NO_CURRENT_EF : StatusWord.FILE_INCOMPATIBLE);
        }
        if (!session.issuerAuthenticated) {
            return Response.of(StatusWord.SECURITY_NOT_SATISFIED);
        }
        byte[] content = state.content(file);
        int offset = (c.getP1() << 8) | c.getP2();
        if (offset > content.length) {
            return Response.of(StatusWord.OFFSET_OUTSIDE_EF);
        }
        if (offset + c.getNc() > CardState.EF_CAPACITY) {
            return Response.of(StatusWord.NOT_ENOUGH_MEMORY);
        }
        byte[] updated = Arrays.copyOf(content, Math.max(content.length, offset + c.getNc()));
        System.arraycopy(c.getData(), 0, updated, offset, c.getNc());
        state.setContent(file, updated);
        return Response.okChanged();
    }

    /** P1 02: new reference data, no resetting code (the issuer session stands in for it). */
    Response resetRetryCounter(CommandAPDU c) {
        CertificateKind kind = VirtualJpkiCard.pinKind(session.current);
        Response refusal = refusal(c, 0x02, 0x80, kind != null);
        if (refusal != null) {
            return refusal;
        }
        if (!Pin.fitsCard(kind, c.getData())) {
            return Response.of(StatusWord.WRONG_DATA);
        }
        state.setPin(kind, PinRecord.set(kind, c.getData(), random));
        session.verified.remove(kind);
        return Response.okChanged();
    }

    /** The common refusals: wrong parameters, wrong kind of current EF, no issuer session. */
    private Response refusal(CommandAPDU c, int p1, int p2, boolean rightFile) {
        if (c.getP1() != p1 || c.getP2() != p2) {
            return Response.of(StatusWord.WRONG_P1_P2);
        }
        if (!rightFile) {
            return Response.of(session.current == null ? StatusWord.NO_CURRENT_EF : StatusWord.FILE_INCOMPATIBLE);
        }
        if (!session.issuerAuthenticated) {
            return Response.of(StatusWord.SECURITY_NOT_SATISFIED);
        }
        return null;
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 && bytes.length > 1 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
