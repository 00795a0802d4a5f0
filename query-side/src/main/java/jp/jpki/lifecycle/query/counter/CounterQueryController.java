package jp.jpki.lifecycle.query.counter;

import java.util.List;
import java.util.Optional;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.api.query.FindPair;
import jp.jpki.lifecycle.api.query.FindPairs;
import jp.jpki.lifecycle.api.query.FoundPairs;
import jp.jpki.lifecycle.api.query.FindSerialStatus;
import jp.jpki.lifecycle.api.query.PairView;
import jp.jpki.lifecycle.api.query.SerialStatusView;
import jp.jpki.lifecycle.query.web.Answers;
import jp.jpki.lifecycle.query.web.CallerJurisdiction;
import jp.jpki.lifecycle.query.web.Problems;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Counter lookups. They go through the query gateway, not the store, so in the distributed deployment any
 * query-side node can answer.
 */
@RestController
@RequestMapping("/api/certificate-pairs")
class CounterQueryController {
    private final QueryGateway queries;

    CounterQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/{pairId}")
    PairView pair(@PathVariable String pairId) {
        return validPairId(pairId)
                .flatMap(id -> Answers.await(queries.query(new FindPair(id), ResponseTypes.optionalInstanceOf(PairView.class))))
                .filter(view -> CallerJurisdiction.covers(view.municipalityCode()))
                .orElseThrow(() -> Problems.notFound("Unknown certificate pair", "no certificate pair has this id"));
    }

    /** Exactly one criterion: a combination would leave "and" or "or" to guesswork at the counter. */
    @GetMapping
    List<PairView> find(@RequestParam(required = false) String residentRef, @RequestParam(required = false) String cardId,
                        @RequestParam(required = false) String serial) {
        FindPairs lookup;
        try {
            lookup = new FindPairs(residentRef, cardId, serial);
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest(e.getMessage());
        }
        return Answers.await(queries.query(lookup, ResponseTypes.instanceOf(FoundPairs.class))).pairs().stream()
                .filter(view -> CallerJurisdiction.covers(view.municipalityCode())).toList();
    }

    /**
     * One serial's own status and the pair it belongs to: a superseded or revoked serial is reported as such, not
     * as its pair's current certificate.
     */
    @GetMapping("/serials/{serial}")
    SerialLookup serial(@PathVariable String serial) {
        List<PairView> pairs = find(null, null, serial);
        if (pairs.isEmpty()) {
            throw Problems.notFound("Unknown serial", "no certificate of a pair you may see has this serial");
        }
        PairView pair = pairs.get(0);
        SerialStatusView status = Answers.await(queries.query(new FindSerialStatus(serial),
                        ResponseTypes.optionalInstanceOf(SerialStatusView.class)))
                .orElseThrow(() -> Problems.notFound("Unknown serial", "this serial was never signed"));
        var current = pair.certificates().get(status.kind());
        return new SerialLookup(status, pair.pairId(),
                current != null && status.serialHex().equalsIgnoreCase(current.serialHex()));
    }

    /** @param current whether the serial is the pair's current certificate of its kind */
    record SerialLookup(SerialStatusView certificate, String pairId, boolean current) {
    }

    /** An id that could never have been issued is as unknown as one that was not. */
    private static Optional<PairId> validPairId(String value) {
        try {
            return Optional.of(new PairId(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
