package jp.jpki.lifecycle.card.work;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.jpki.lifecycle.api.card.CardPublicKeys;
import jp.jpki.lifecycle.api.card.GenerateKeysOnCard;
import jp.jpki.lifecycle.api.card.ResetPinOnCard;
import jp.jpki.lifecycle.api.card.WriteCertificatesToCard;
import jp.jpki.lifecycle.api.pair.CertificateKind;

/**
 * A simulated card terminal: a software stand-in for a PC/SC reader with a JPKI card, so the embedded
 * default and tests run the whole issuance path without hardware. Keys are generated and kept here (private
 * keys never leave this object), certificates are stored per card and read back for comparison, PIN resets
 * clear a lock flag. It is not the protocol-level virtual card: it holds no PINs and speaks no APDUs.
 */
public class SimulatedCardStation implements CardStation {

    private final String terminalId;
    private final Map<String, SimulatedCard> cards = new ConcurrentHashMap<>();

    public SimulatedCardStation(String terminalId) {
        this.terminalId = terminalId;
    }

    @Override
    public String terminalId() {
        return terminalId;
    }

    @Override
    public CardPublicKeys generateKeys(GenerateKeysOnCard order) {
        SimulatedCard card = cards.computeIfAbsent(order.cardId(), id -> new SimulatedCard());
        Map<CertificateKind, String> publicKeys = new EnumMap<>(CertificateKind.class);
        for (CertificateKind kind : order.kinds()) {
            KeyPair keys = rsa2048();
            card.privateKeys.put(kind, keys.getPrivate());
            card.certificates.remove(kind); // a new key invalidates the old certificate
            publicKeys.put(kind, Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
        }
        return new CardPublicKeys(publicKeys);
    }

    @Override
    public void writeCertificates(WriteCertificatesToCard order) {
        SimulatedCard card = cardOrFail(order.cardId());
        order.certificates().forEach((kind, der) -> card.certificates.put(kind, der));
        order.caCertificates().forEach((kind, der) -> card.caCertificates.put(kind, der));
        order.certificates().forEach((kind, der) -> {
            if (!der.equals(card.certificates.get(kind))) {
                throw new IllegalStateException("read-back of the " + kind + " certificate differs from what was written");
            }
        });
    }

    @Override
    public void resetPin(ResetPinOnCard order) {
        cardOrFail(order.cardId()).locked.put(order.kind(), Boolean.FALSE);
    }

    private SimulatedCard cardOrFail(String cardId) {
        SimulatedCard card = cards.get(cardId);
        if (card == null) {
            throw new IllegalStateException("card " + cardId + " is not in the reader at terminal " + terminalId);
        }
        return card;
    }

    private static KeyPair rsa2048() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class SimulatedCard {
        final Map<CertificateKind, PrivateKey> privateKeys = new ConcurrentHashMap<>();
        final Map<CertificateKind, String> certificates = new ConcurrentHashMap<>();
        final Map<CertificateKind, String> caCertificates = new ConcurrentHashMap<>();
        final Map<CertificateKind, Boolean> locked = new ConcurrentHashMap<>();
    }
}
