package jp.jpki.lifecycle.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import jp.jpki.lifecycle.audit.verify.AuditExportWriter;
import jp.jpki.lifecycle.audit.verify.CanonicalJson;
import jp.jpki.lifecycle.audit.verify.PublicKeys;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.api.query.FindPair;
import jp.jpki.lifecycle.api.query.PairView;
import jp.jpki.lifecycle.query.web.Answers;
import jp.jpki.lifecycle.query.web.CallerJurisdiction;
import jp.jpki.lifecycle.query.web.Problems;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Auditors' reads: a pair's full history, its state at an instant, a signed export for offline verification,
 * and the log of these reads. Every read of a history names its reason ({@code X-Audit-Reason} header or
 * {@code reason} parameter) and is recorded before it is answered.
 */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private final AuditTrailStore trail;
    private final AuditReadLog reads;
    private final AuditSigningKey key;
    private final Clock clock;
    private final QueryGateway queries;

    AuditController(AuditTrailStore trail, AuditReadLog reads, AuditSigningKey key, Clock clock, QueryGateway queries) {
        this.trail = trail;
        this.reads = reads;
        this.key = key;
        this.clock = clock;
        this.queries = queries;
    }

    record HistoryEntry(long seq, String type, Instant timestamp, JsonNode event, String hash) {
    }

    @GetMapping("/certificate-pairs/{pairId}/history")
    List<HistoryEntry> history(@PathVariable String pairId, @RequestHeader(value = "X-Audit-Reason", required = false) String header,
                               @RequestParam(required = false) String reason, Principal reader) {
        List<AuditEntryDocument> entries = readOf(pairId, "history", header, reason, reader);
        return entries.stream().map(e -> new HistoryEntry(e.seq, e.type, e.timestamp, CanonicalJson.parse(e.canonical), e.hash)).toList();
    }

    @GetMapping("/certificate-pairs/{pairId}/state")
    PairStateFold.PairState state(@PathVariable String pairId, @RequestParam String at,
                                  @RequestHeader(value = "X-Audit-Reason", required = false) String header,
                                  @RequestParam(required = false) String reason, Principal reader) {
        Instant instant;
        try {
            instant = Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw Problems.badRequest("at must be an ISO-8601 instant such as 2027-06-01T01:00:00Z");
        }
        PairStateFold fold = new PairStateFold();
        readOf(pairId, "state at " + instant, header, reason, reader).stream().filter(e -> !e.timestamp.isAfter(instant))
                .forEach(e -> fold.apply(e.seq, e.type, CanonicalJson.parse(e.canonical).path("payload")));
        return fold.state(pairId, instant.toString());
    }

    @GetMapping(value = "/certificate-pairs/{pairId}/export", produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode export(@PathVariable String pairId, @RequestHeader(value = "X-Audit-Reason", required = false) String header,
                      @RequestParam(required = false) String reason, Principal reader) {
        List<AuditExportWriter.ChainedEntry> entries = readOf(pairId, "signed export", header, reason, reader).stream()
                .map(e -> new AuditExportWriter.ChainedEntry(e.seq, e.canonical, e.hash)).toList();
        return AuditExportWriter.write(pairId, clock.instant().toString(), name(reader), entries, key.privateKey(), key.publicKey());
    }

    @GetMapping(value = "/public-key", produces = "application/x-pem-file")
    String publicKey() {
        return PublicKeys.toPem(key.publicKey());
    }

    @GetMapping("/reads")
    List<AuditReadLog.AuditRead> reads(@RequestParam(required = false) String pairId) {
        return reads.reads(pairId);
    }

    private List<AuditEntryDocument> readOf(String pairId, String what, String header, String parameter, Principal reader) {
        String reason = header != null && !header.isBlank() ? header : parameter;
        if (reason == null || reason.isBlank()) {
            throw Problems.badRequest("say why you read this history: an X-Audit-Reason header or a reason parameter");
        }
        if (reason.length() > 500) {
            throw Problems.badRequest("the reason has at most 500 characters");
        }
        List<AuditEntryDocument> entries = inJurisdiction(pairId) ? trail.history(pairId) : List.of();
        if (entries.isEmpty()) {
            throw Problems.notFound("Unknown certificate pair", "no history for this pair id");
        }
        reads.record(name(reader), reason, pairId, what);
        return entries;
    }

    /**
     * Auditors read the histories of their own municipality's residents only; a pair elsewhere answers like one
     * that does not exist (docs/security.md, "Who is confined to what").
     */
    private boolean inJurisdiction(String pairId) {
        PairId id;
        try {
            id = new PairId(pairId);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return Answers.await(queries.query(new FindPair(id), ResponseTypes.optionalInstanceOf(PairView.class)))
                .filter(view -> CallerJurisdiction.covers(view.municipalityCode())).isPresent();
    }

    private static String name(Principal reader) {
        return reader == null ? "anonymous" : reader.getName();
    }
}
