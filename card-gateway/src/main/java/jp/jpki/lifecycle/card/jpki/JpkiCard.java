package jp.jpki.lifecycle.card.jpki;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import jp.jpki.lifecycle.api.pair.CertificateKind;

/**
 * The public JPKI application protocol (R-CRD-1, R-CRD-2), as any relying party's reader
 * software speaks it: select the application and its files, read certificates, query retry counters, verify
 * a PIN, sign a DigestInfo. The issuance-side commands are in {@link IssuerChannel}.
 */
public class JpkiCard {

    /** 公的個人認証AP. */
    public static final byte[] AID = {(byte) 0xD3, (byte) 0x92, (byte) 0xF0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01};
    /** Chunk size of READ BINARY: short Le 00 asks for 256 bytes, as OpenSC's driver does. */
    static final int READ_CHUNK = 256;
    private static final int SELECT_BY_DF_NAME = 0x04;
    private static final int SELECT_EF = 0x02;
    private static final int NO_FCI = 0x0C;

    private final ApduTransport transport;

    public JpkiCard(ApduTransport transport) {
        this.transport = transport;
    }

    public CardResult selectApplication() throws CardException {
        return send(new CommandAPDU(0x00, 0xA4, SELECT_BY_DF_NAME, NO_FCI, AID));
    }

    public CardResult select(JpkiFile file) throws CardException {
        return send(new CommandAPDU(0x00, 0xA4, SELECT_EF, NO_FCI, file.idBytes()));
    }

    /**
     * Reads a certificate EF whole: its length comes from the DER header ({@code 30 82 LL LL}),
     * the body in chunks of 256 bytes. A certificate EF that holds no certificate reads as an empty result.
     */
    public CardResult readCertificate(JpkiFile file) throws CardException {
        CardResult selected = select(file);
        if (!selected.isSuccess()) {
            return selected;
        }
        CardResult header = readBinary(0, 4);
        if (!(header instanceof CardResult.Done done)) {
            return header;
        }
        byte[] h = done.data();
        if (h.length < 4 || h[0] != 0x30 || (h[1] & 0xFF) != 0x82) {
            return new CardResult.Done(new byte[0]);
        }
        int length = (((h[2] & 0xFF) << 8) | (h[3] & 0xFF)) + 4;
        ByteArrayOutputStream body = new ByteArrayOutputStream(length);
        while (body.size() < length) {
            CardResult chunk = readBinary(body.size(), Math.min(READ_CHUNK, length - body.size()));
            if (!(chunk instanceof CardResult.Done part) || part.data().length == 0) {
                return chunk instanceof CardResult.Done ? new CardResult.Refused(StatusWord.END_OF_FILE) : chunk;
            }
            body.writeBytes(part.data());
        }
        return new CardResult.Done(body.toByteArray());
    }

    public X509Certificate certificate(CertificateKind kind) throws CardException {
        byte[] der = readCertificate(JpkiFile.certificate(kind)).dataOrThrow("READ BINARY " + kind + " certificate");
        return parse(der);
    }

    /** VERIFY without data: the tries left on a PIN, whether or not it is verified (ISO 7816-4). */
    public CardResult retryCounter(CertificateKind kind) throws CardException {
        CardResult selected = select(JpkiFile.pin(kind));
        if (!selected.isSuccess()) {
            return selected;
        }
        return CardResult.ofVerify(transport.transmit(new CommandAPDU(0x00, 0x20, 0x00, 0x80)));
    }

    public CardResult verify(CertificateKind kind, Pin pin) throws CardException {
        CardResult selected = select(JpkiFile.pin(kind));
        if (!selected.isSuccess()) {
            return selected;
        }
        return CardResult.ofVerify(transport.transmit(new CommandAPDU(0x00, 0x20, 0x00, 0x80, pin.bytes())));
    }

    /** COMPUTE DIGITAL SIGNATURE with the kind's key over a DER DigestInfo; the card pads (PKCS#1 v1.5). */
    public CardResult sign(CertificateKind kind, byte[] digestInfo) throws CardException {
        CardResult selected = select(JpkiFile.key(kind));
        if (!selected.isSuccess()) {
            return selected;
        }
        return send(new CommandAPDU(0x80, 0x2A, 0x00, 0x80, digestInfo, 256));
    }

    CardResult readBinary(int offset, int length) throws CardException {
        return send(new CommandAPDU(0x00, 0xB0, offset >> 8, offset & 0xFF, length));
    }

    CardResult send(CommandAPDU command) throws CardException {
        ResponseAPDU response = transport.transmit(command);
        return CardResult.of(response);
    }

    public static X509Certificate parse(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalStateException("the card holds no valid X.509 certificate", e);
        }
    }
}
