package jp.jpki.lifecycle.query.counter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.CertificateStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** What a counter sees of one pair; one document per pair. */
@Document("counter_view")
public class CounterView {
    @Id
    public String pairId;
    @Indexed
    public String residentRef;
    @Indexed
    public String cardId;
    public String municipalityCode;
    public java.time.LocalDate cardExpiry;
    public Map<CertificateKind, Certificate> certificates = new EnumMap<>(CertificateKind.class);
    /** Every serial the pair ever held, for lookup by serial. */
    @Indexed
    public List<String> serials = new ArrayList<>();
    public String pendingRequestId;
    public String lastOperation;
    public Instant lastOperationAt;
    public String lastOperator;
    public String lastOffice;
    /** Sequence number of the last applied event: redelivered events are ignored (at-least-once). */
    public long lastSequence = -1;

    public static class Certificate {
        public CertificateStatus status = CertificateStatus.NONE;
        public String serialHex;
        public Instant notBefore;
        public java.time.LocalDate notAfter;
        public boolean pinLocked;
        public String revocationReason;
        public String pendingSerialHex;
        public java.time.LocalDate pendingNotAfter;
        public Instant pendingNotBefore;
    }
}
