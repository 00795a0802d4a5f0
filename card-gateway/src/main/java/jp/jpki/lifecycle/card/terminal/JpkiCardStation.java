package jp.jpki.lifecycle.card.terminal;

import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.smartcardio.CardException;
import jp.jpki.lifecycle.api.card.CardPinReset;
import jp.jpki.lifecycle.api.card.CardPublicKeys;
import jp.jpki.lifecycle.api.card.CertificatesOnCard;
import jp.jpki.lifecycle.api.card.GenerateKeysOnCard;
import jp.jpki.lifecycle.api.card.ResetPinOnCard;
import jp.jpki.lifecycle.api.card.WriteCertificatesToCard;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.card.jpki.CardRefusedException;
import jp.jpki.lifecycle.card.jpki.CardResult;
import jp.jpki.lifecycle.card.jpki.IssuerChannel;
import jp.jpki.lifecycle.card.jpki.IssuerKey;
import jp.jpki.lifecycle.card.jpki.JpkiCard;
import jp.jpki.lifecycle.card.jpki.JpkiFile;
import jp.jpki.lifecycle.card.work.CardStation;

/**
 * Card work over the JPKI protocol and our issuance commands, on whatever reader the terminal has: a PC/SC
 * reader at a counter, the in-process virtual card in the embedded default. Every step opens an issuer
 * session on the card and first checks that the card in the reader is the one the order names.
 */
public final class JpkiCardStation implements CardStation {

    private final String terminalId;
    private final CardReader reader;
    private final IssuerKey issuerKey;
    private final PinEntry pinEntry;

    public JpkiCardStation(String terminalId, CardReader reader, IssuerKey issuerKey, PinEntry pinEntry) {
        this.terminalId = terminalId;
        this.reader = reader;
        this.issuerKey = issuerKey;
        this.pinEntry = pinEntry;
    }

    @Override
    public String terminalId() {
        return terminalId;
    }

    /** New keys per kind, and the PIN the resident chooses for each (renewal sets PINs anew too). */
    @Override
    public CardPublicKeys generateKeys(GenerateKeysOnCard order) {
        return withIssuer(order.cardId(), "GENERATE_KEYS", (issuer, connection) -> {
            Map<CertificateKind, String> publicKeys = new EnumMap<>(CertificateKind.class);
            for (CertificateKind kind : new TreeSet<>(order.kinds())) {
                RSAPublicKey key = issuer.generateKeyPair(kind);
                pinEntry.chooseNewPin(connection, issuer, kind);
                publicKeys.put(kind, Base64.getEncoder().encodeToString(key.getEncoded()));
            }
            return new CardPublicKeys(issuer.cardId(), publicKeys);
        });
    }

    @Override
    public CertificatesOnCard writeCertificates(WriteCertificatesToCard order) {
        return withIssuer(order.cardId(), "WRITE_CERTIFICATES", (issuer, connection) -> {
            List<String> serials = new ArrayList<>();
            for (Map.Entry<CertificateKind, String> certificate : new TreeMap<>(order.certificates()).entrySet()) {
                serials.add(requireKeyOnCard(issuer, certificate.getKey(), certificate.getValue()));
            }
            Map<JpkiFile, byte[]> files = new EnumMap<>(JpkiFile.class);
            order.certificates().forEach((kind, der) -> files.put(JpkiFile.certificate(kind), Base64.getDecoder().decode(der)));
            order.caCertificates().forEach((kind, der) -> files.put(JpkiFile.ca(kind), Base64.getDecoder().decode(der)));
            for (Map.Entry<JpkiFile, byte[]> file : files.entrySet()) {
                issuer.write(file.getKey(), file.getValue());
            }
            for (Map.Entry<JpkiFile, byte[]> file : files.entrySet()) {
                byte[] readBack = issuer.card().readCertificate(file.getKey()).dataOrThrow("READ BINARY " + file.getKey());
                if (!Arrays.equals(readBack, file.getValue())) {
                    throw new CardWorkException("read-back of " + file.getKey() + " differs from what was written");
                }
            }
            return new CertificatesOnCard(issuer.cardId(), serials);
        });
    }

    @Override
    public CardPinReset resetPin(ResetPinOnCard order) {
        return withIssuer(order.cardId(), "RESET_PIN", (issuer, connection) -> {
            pinEntry.chooseNewPin(connection, issuer, order.kind());
            CardResult counter = issuer.card().retryCounter(order.kind());
            if (counter instanceof CardResult.Blocked) {
                throw new CardWorkException("the " + order.kind() + " PIN is still blocked after RESET RETRY COUNTER");
            }
            return new CardPinReset(issuer.cardId(), order.kind());
        });
    }

    /**
     * R-CRD-5: a certificate goes onto a card only over the key that card holds for its kind, whatever the order
     * says; a certificate over another card's key, or over keys since generated again, is refused before anything
     * is written. Answers the certificate's serial (hex).
     */
    private static String requireKeyOnCard(IssuerChannel issuer, CertificateKind kind, String derBase64) throws CardException {
        X509Certificate certificate = JpkiCard.parse(Base64.getDecoder().decode(derBase64));
        RSAPublicKey onCard = issuer.publicKey(kind);
        if (onCard == null || !(certificate.getPublicKey() instanceof RSAPublicKey key)
                || !key.getModulus().equals(onCard.getModulus()) || !key.getPublicExponent().equals(onCard.getPublicExponent())) {
            throw new CardWorkException("R-CRD-5: the " + kind + " certificate (serial " + certificate.getSerialNumber().toString(16)
                    + ") is not over the " + kind + " key of card " + issuer.cardId() + "; nothing was written");
        }
        return certificate.getSerialNumber().toString(16);
    }

    private <T> T withIssuer(String cardId, String step, IssuerStep<T> work) {
        try (CardConnection connection = reader.connect(cardId)) {
            IssuerChannel issuer = IssuerChannel.open(connection, issuerKey);
            if (!issuer.cardId().equals(cardId)) {
                throw new CardWorkException(step + ": the card in the reader at terminal " + terminalId + " is "
                        + issuer.cardId() + ", not " + cardId);
            }
            return work.run(issuer, connection);
        } catch (CardException | CardRefusedException e) {
            throw new CardWorkException(step + " at terminal " + terminalId + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface IssuerStep<T> {
        T run(IssuerChannel issuer, CardConnection connection) throws CardException;
    }
}
