package jp.jpki.lifecycle.query.counter;

import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.http.ResponseEntity;

/** Counter lookups on the counter view: by pair id, resident reference, card id or certificate serial. */
@RestController
@RequestMapping("/api/certificate-pairs")
class CounterQueryController {

    private final MongoTemplate mongo;

    CounterQueryController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/{pairId}")
    ResponseEntity<?> byId(@PathVariable String pairId) {
        CounterView view = mongo.findById(pairId, CounterView.class);
        if (view == null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no certificate pair " + pairId);
            problem.setTitle("Unknown certificate pair");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
        }
        return ResponseEntity.ok(view);
    }

    @GetMapping
    ResponseEntity<?> find(@RequestParam(required = false) String residentRef, @RequestParam(required = false) String cardId,
                           @RequestParam(required = false) String serial) {
        long given = java.util.stream.Stream.of(residentRef, cardId, serial).filter(p -> p != null && !p.isBlank()).count();
        if (given != 1) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "give exactly one of residentRef, cardId or serial");
            problem.setTitle("Invalid lookup");
            return ResponseEntity.badRequest().body(problem);
        }
        Criteria criteria = residentRef != null ? Criteria.where("residentRef").is(residentRef)
                : cardId != null ? Criteria.where("cardId").is(cardId) : Criteria.where("serials").is(serial);
        List<CounterView> views = mongo.find(Query.query(criteria).limit(100), CounterView.class);
        return ResponseEntity.ok(views);
    }
}
