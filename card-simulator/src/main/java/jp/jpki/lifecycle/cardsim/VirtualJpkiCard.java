package jp.jpki.lifecycle.cardsim;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Arrays;
import java.util.function.Consumer;
import javax.smartcardio.CommandAPDU;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.card.jpki.JpkiCard;
import jp.jpki.lifecycle.card.jpki.JpkiFile;
import jp.jpki.lifecycle.card.jpki.StatusWord;

/**
 * A JPKI card in software, APDU in and R-APDU out (docs/card-protocol.md): the public JPKI application as
 * OpenSC's driver and real reader software expect it, plus our issuance commands behind issuer
 * authentication. Persistent state goes to the {@code persist} callback after every change; session state
 * (selection, verified PINs, issuer session) ends with a reset, as it does when a real card loses power.
 */
public final class VirtualJpkiCard {

    /** The ATR OpenSC's jpki driver matches exactly (card-jpki.c ATR table). */
    public static final byte[] ATR = {0x3B, (byte) 0xE0, 0x00, (byte) 0xFF, (byte) 0x81, 0x31, (byte) 0xFE, 0x45, 0x14};
    private static final int SELECT_BY_DF_NAME = 0x04;
    private static final int SELECT_EF = 0x02;

    private final CardState state;
    private final Consumer<CardState> persist;
    private final SecureRandom random;
    private final CardSession session = new CardSession();
    private final IssuanceCommands issuance;

    VirtualJpkiCard(CardState state, Consumer<CardState> persist, SecureRandom random) {
        this.state = state;
        this.persist = persist;
        this.random = random;
        this.issuance = new IssuanceCommands(state, session, random);
    }

    public String cardId() {
        return state.cardId();
    }

    /** Power off, power on or reset: everything but the persistent state is forgotten. */
    public synchronized void reset() {
        session.clear();
    }

    public synchronized byte[] process(byte[] apdu) {
        Response response;
        try {
            response = dispatch(new CommandAPDU(apdu));
        } catch (IllegalArgumentException malformed) {
            response = Response.of(StatusWord.WRONG_LENGTH);
        }
        if (response.changedState()) {
            persist.accept(state);
        }
        return response.bytes();
    }

    private Response dispatch(CommandAPDU c) {
        int ins = c.getINS();
        boolean proprietary = c.getCLA() == 0x80;
        if (proprietary != (ins == 0x2A || ins == 0x46)) {
            return Response.of(c.getCLA() == 0x00 || c.getCLA() == 0x80 ? StatusWord.INS_NOT_SUPPORTED : StatusWord.CLA_NOT_SUPPORTED);
        }
        return switch (ins) {
            case 0xA4 -> select(c);
            case 0xB0 -> readBinary(c);
            case 0x20 -> verify(c);
            case 0x2A -> sign(c);
            case 0xCA -> issuance.getData(c);
            case 0x84 -> issuance.getChallenge(c);
            case 0x82 -> issuance.externalAuthenticate(c);
            case 0x46 -> issuance.generateKeyPair(c);
            case 0x0E -> issuance.eraseBinary(c);
            case 0xD6 -> issuance.updateBinary(c);
            case 0x2C -> issuance.resetRetryCounter(c);
            default -> Response.of(StatusWord.INS_NOT_SUPPORTED);
        };
    }

    private Response select(CommandAPDU c) {
        byte[] name = c.getData();
        if (c.getP1() == SELECT_BY_DF_NAME) {
            if (!Arrays.equals(name, JpkiCard.AID)) {
                return Response.of(StatusWord.FILE_NOT_FOUND); // never 9000 for a foreign AID: OpenSC probes many
            }
            session.clear(); // leaving and re-entering the AP drops verified PINs, as OpenSC's logout expects
            session.applicationSelected = true;
            return Response.ok();
        }
        if (c.getP1() != SELECT_EF || name.length != 2 || !session.applicationSelected) {
            return Response.of(StatusWord.FILE_NOT_FOUND);
        }
        JpkiFile file = JpkiFile.byId(((name[0] & 0xFF) << 8) | (name[1] & 0xFF));
        if (file == null) {
            return Response.of(StatusWord.FILE_NOT_FOUND);
        }
        session.current = file;
        return Response.ok();
    }

    private Response readBinary(CommandAPDU c) {
        if (session.current == null) {
            return Response.of(StatusWord.NO_CURRENT_EF);
        }
        if (!CardState.isTransparent(session.current)) {
            return Response.of(StatusWord.FILE_INCOMPATIBLE);
        }
        if (session.current == JpkiFile.SIGN_CERTIFICATE && !session.verified.contains(CertificateKind.SIGN)
                && !session.issuerAuthenticated) {
            return Response.of(StatusWord.SECURITY_NOT_SATISFIED); // R-CRD-1: the SIGN certificate needs the SIGN PIN
        }
        byte[] content = state.content(session.current);
        int offset = (c.getP1() << 8) | c.getP2();
        if (offset > content.length) {
            return Response.of(StatusWord.OFFSET_OUTSIDE_EF);
        }
        int end = Math.min(content.length, offset + c.getNe());
        byte[] data = Arrays.copyOfRange(content, offset, end);
        return new Response(data, end - offset < c.getNe() ? StatusWord.END_OF_FILE : StatusWord.OK, false);
    }

    /**
     * VERIFY on the current PIN EF. Without data it reports the tries left as {@code 63Cx}, even when the PIN
     * is verified or blocked ({@code 63C0}): OpenSC's JPKI binding requires 63Cx there (feasibility-pcsc §4.5).
     * A wrong entry answers {@code 63Cx} with the tries left ({@code 63C0} on the blocking entry); an entry on
     * a blocked PIN answers {@code 6984}.
     */
    private Response verify(CommandAPDU c) {
        CertificateKind kind = pinKind(session.current);
        if (c.getP1() != 0x00 || c.getP2() != 0x80) {
            return Response.of(StatusWord.WRONG_P1_P2);
        }
        if (kind == null) {
            return Response.of(session.current == null ? StatusWord.NO_CURRENT_EF : StatusWord.FILE_INCOMPATIBLE);
        }
        PinRecord pin = state.pin(kind);
        if (pin == null) {
            return Response.of(StatusWord.REFERENCE_NOT_FOUND); // a blank card: no PIN set yet
        }
        if (c.getNc() == 0) {
            return Response.of(StatusWord.WRONG_PIN | pin.triesLeft());
        }
        if (pin.blocked()) {
            return Response.of(StatusWord.REFERENCE_DATA_BLOCKED);
        }
        if (pin.matches(c.getData())) {
            state.setPin(kind, pin.afterRightEntry(kind));
            session.verified.add(kind);
            return new Response(new byte[0], StatusWord.OK, pin.triesLeft() != PinRecord.maxTries(kind));
        }
        PinRecord after = pin.afterWrongEntry();
        state.setPin(kind, after);
        session.verified.remove(kind);
        return new Response(new byte[0], StatusWord.WRONG_PIN | after.triesLeft(), true);
    }

    /** COMPUTE DIGITAL SIGNATURE: PKCS#1 v1.5 type-1 padding and RSA over the DigestInfo sent (R-CRD-2). */
    private Response sign(CommandAPDU c) {
        CertificateKind kind = keyKind(session.current);
        if (c.getP1() != 0x00 || c.getP2() != 0x80) {
            return Response.of(StatusWord.WRONG_P1_P2);
        }
        if (kind == null) {
            return Response.of(session.current == null ? StatusWord.NO_CURRENT_EF : StatusWord.FILE_INCOMPATIBLE);
        }
        if (state.key(kind) == null) {
            return Response.of(StatusWord.REFERENCE_NOT_FOUND);
        }
        if (!session.verified.contains(kind)) {
            return Response.of(StatusWord.SECURITY_NOT_SATISFIED);
        }
        if (c.getNc() == 0 || c.getNc() > 256 - 11) {
            return Response.of(StatusWord.WRONG_DATA);
        }
        try {
            Signature rsa = Signature.getInstance("NONEwithRSA");
            rsa.initSign(state.key(kind).getPrivate(), random);
            rsa.update(c.getData());
            return new Response(rsa.sign(), StatusWord.OK, false);
        } catch (GeneralSecurityException e) {
            return Response.of(StatusWord.WRONG_DATA);
        }
    }

    static CertificateKind pinKind(JpkiFile file) {
        return file == JpkiFile.SIGN_PIN ? CertificateKind.SIGN : file == JpkiFile.AUTH_PIN ? CertificateKind.AUTH : null;
    }

    static CertificateKind keyKind(JpkiFile file) {
        return file == JpkiFile.SIGN_KEY ? CertificateKind.SIGN : file == JpkiFile.AUTH_KEY ? CertificateKind.AUTH : null;
    }
}
