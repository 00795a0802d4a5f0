package jp.jpki.lifecycle.query.counter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.HolderFacts;
import jp.jpki.lifecycle.api.pair.IssuedCertificate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.convert.ValueConverter;

/** What a counter sees of one pair: one document per pair, never exposed as JSON (see {@link PairViews}). */
@Document(CounterViewDocument.COLLECTION)
class CounterViewDocument {
    static final String COLLECTION = "counter_view";

    @Id
    private String pairId;
    private String residentRef;
    private String municipalityCode;
    private String cardId;
    /** Cards the pair has left (R-ONE-3): their ids still find it. */
    private List<String> previousCardIds = new ArrayList<>();
    @ValueConverter(IsoDateConverter.class)
    private LocalDate cardExpiry;
    private EnumMap<CertificateKind, CertificateEntry> certificates = new EnumMap<>(CertificateKind.class);
    /** Every serial ever signed for the pair, upper-case, so a lookup by serial finds old certificates too. */
    private List<String> serials = new ArrayList<>();
    private List<ProxyApplicationEntry> proxyApplications = new ArrayList<>();
    private LastOperationEntry lastOperation;
    /** Sequence number of the last applied event of the pair: redelivered events are skipped (at-least-once). */
    private long lastSequence = -1;

    CounterViewDocument() {
        // for the Mongo mapping
    }

    CounterViewDocument(String pairId) {
        this.pairId = pairId;
    }

    boolean hasApplied(long sequence) {
        return sequence <= lastSequence;
    }

    void applied(long sequence, LastOperationEntry operation) {
        lastSequence = sequence;
        lastOperation = operation;
    }

    void holder(HolderFacts holder) {
        residentRef = holder.residentRef();
        municipalityCode = holder.municipalityCode();
    }

    void card(String cardId, LocalDate cardExpiry) {
        if (this.cardId != null && !this.cardId.equals(cardId) && !previousCardIds.contains(this.cardId)) {
            previousCardIds.add(this.cardId);
        }
        this.cardId = cardId;
        this.cardExpiry = cardExpiry;
    }

    CertificateEntry certificate(CertificateKind kind) {
        return certificates.computeIfAbsent(kind, k -> new CertificateEntry());
    }

    void signed(IssuedCertificate certificate) {
        certificate(certificate.kind()).signed(certificate);
        String serial = normalizedSerial(certificate.serialHex());
        if (!serials.contains(serial)) {
            serials.add(serial);
        }
    }

    void written(List<String> writtenSerials) {
        certificates.values().stream().filter(c -> writtenSerials.stream().anyMatch(c::awaitsWriting))
                .forEach(CertificateEntry::written);
    }

    void cardWorkAbandoned(String requestId) {
        certificates.values().stream().filter(c -> requestId.equals(c.pendingRequestId()))
                .forEach(CertificateEntry::cardWorkAbandoned);
    }

    void proxyApplicationOpened(ProxyApplicationEntry application) {
        if (proxyApplications.stream().noneMatch(a -> a.applicationId().equals(application.applicationId()))) {
            proxyApplications.add(application);
        }
    }

    void proxyApplication(String applicationId, UnaryOperator<ProxyApplicationEntry> change) {
        proxyApplications.replaceAll(a -> a.applicationId().equals(applicationId) ? change.apply(a) : a);
    }

    static String normalizedSerial(String serialHex) {
        return serialHex.toUpperCase(Locale.ROOT);
    }

    String pairId() {
        return pairId;
    }

    String residentRef() {
        return residentRef;
    }

    String municipalityCode() {
        return municipalityCode;
    }

    String cardId() {
        return cardId;
    }

    List<String> previousCardIds() {
        return previousCardIds == null ? List.of() : previousCardIds;
    }

    List<String> serials() {
        return serials;
    }

    LocalDate cardExpiry() {
        return cardExpiry;
    }

    Map<CertificateKind, CertificateEntry> certificates() {
        return certificates;
    }

    List<ProxyApplicationEntry> proxyApplications() {
        return proxyApplications;
    }

    LastOperationEntry lastOperation() {
        return lastOperation;
    }

    long lastSequence() {
        return lastSequence;
    }
}
