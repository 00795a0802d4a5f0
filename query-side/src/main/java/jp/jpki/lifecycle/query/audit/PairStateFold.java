package jp.jpki.lifecycle.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumMap;
import java.util.Map;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.CertificateStatus;

/**
 * A pair's state at an instant, by replaying its audit entries up to it. It follows the aggregate's own
 * transitions: a certificate is ISSUING from the request until it is on the card, a renewal keeps the old one
 * ACTIVE until the new one is written, and only the current serial's revocation, hold or expiry changes status.
 */
final class PairStateFold {

    /** One kind's certificate at the instant. */
    static final class Certificate {
        CertificateStatus status = CertificateStatus.NONE;
        String serialHex;
        String notAfter;
        boolean pinLocked;
        String revocationReason;
        private CertificateStatus beforeIssuing;
        private String pendingSerial;
        private String pendingNotAfter;

        public CertificateStatus getStatus() {
            return status;
        }

        public String getSerialHex() {
            return serialHex;
        }

        public String getNotAfter() {
            return notAfter;
        }

        public boolean isPinLocked() {
            return pinLocked;
        }

        public String getRevocationReason() {
            return revocationReason;
        }
    }

    private final Map<CertificateKind, Certificate> certificates = new EnumMap<>(Map.of(
            CertificateKind.SIGN, new Certificate(), CertificateKind.AUTH, new Certificate()));
    private String cardId;
    private String cardExpiry;
    private boolean cardInvalidated;
    private long lastSeq = -1;
    private String lastEvent;

    void apply(long seq, String type, JsonNode payload) {
        lastSeq = seq;
        lastEvent = type;
        switch (type) {
            case "IssuanceRequested" -> {
                cardId = payload.at("/card/cardId").asText();
                cardExpiry = payload.path("cardExpiry").asText();
                payload.path("kinds").forEach(kind -> {
                    Certificate certificate = of(kind.asText());
                    certificate.beforeIssuing = certificate.status;
                    certificate.status = CertificateStatus.ISSUING;
                });
            }
            case "CertificatesIssued", "CertificatesRenewed" -> payload.path("certificates").forEach(issued -> {
                Certificate certificate = of(issued.path("kind").asText());
                certificate.pendingSerial = issued.path("serialHex").asText();
                certificate.pendingNotAfter = issued.path("notAfter").asText();
            });
            case "CertificatesWrittenToCard" -> payload.path("serials").forEach(serial -> certificates.values().stream()
                    .filter(certificate -> serial.asText().equals(certificate.pendingSerial)).forEach(certificate -> {
                        certificate.status = CertificateStatus.ACTIVE;
                        certificate.serialHex = certificate.pendingSerial;
                        certificate.notAfter = certificate.pendingNotAfter;
                        certificate.pinLocked = false;
                        certificate.revocationReason = null;
                        certificate.pendingSerial = null;
                    }));
            case "CardWorkAbandoned" -> certificates.values().stream().filter(c -> c.status == CertificateStatus.ISSUING)
                    .forEach(certificate -> {
                        certificate.status = certificate.beforeIssuing;
                        certificate.pendingSerial = null;
                    });
            case "CertificateRevoked" -> current(payload).ifPresent(certificate -> {
                certificate.status = CertificateStatus.REVOKED;
                certificate.revocationReason = payload.path("reason").asText();
            });
            case "CertificateHeld" -> current(payload).ifPresent(certificate -> certificate.status = CertificateStatus.ON_HOLD);
            case "CertificateExpired" -> current(payload).ifPresent(certificate -> certificate.status = CertificateStatus.EXPIRED);
            case "PinLocked" -> of(payload.path("kind").asText()).pinLocked = true;
            case "PinReset" -> of(payload.path("kind").asText()).pinLocked = false;
            case "CardInvalidated" -> cardInvalidated = true;
            default -> {
                // process events (requests, failures, proxy visits, notices) change no certificate's state
            }
        }
    }

    private Certificate of(String kind) {
        return certificates.get(CertificateKind.valueOf(kind));
    }

    private java.util.Optional<Certificate> current(JsonNode payload) {
        Certificate certificate = of(payload.path("kind").asText());
        return payload.path("serialHex").asText().equals(certificate.serialHex) ? java.util.Optional.of(certificate)
                : java.util.Optional.empty();
    }

    /** The state as the API shows it. */
    record PairState(String pairId, String at, long lastSeq, String lastEvent, String cardId, String cardExpiry,
                     boolean cardInvalidated, Map<CertificateKind, Certificate> certificates) {
    }

    PairState state(String pairId, String at) {
        return new PairState(pairId, at, lastSeq, lastEvent, cardId, cardExpiry, cardInvalidated, Map.copyOf(certificates));
    }
}
