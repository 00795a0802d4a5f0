package jp.jpki.lifecycle.command.counter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import java.util.stream.Collectors;
import jp.jpki.lifecycle.api.refusal.RefusalDetails;
import jp.jpki.lifecycle.command.pair.OutsideJurisdictionException;
import jp.jpki.lifecycle.command.pair.StateConflictException;
import jp.jpki.lifecycle.command.rules.Decision;
import jp.jpki.lifecycle.command.rules.RuleViolationException;
import jp.jpki.lifecycle.edge.StaffIdentity;
import jp.jpki.lifecycle.edge.web.ProblemBodies;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Refusals as RFC 9457 problems: 422 names the rule that refused (with the facts a clerk needs, e.g.
 * {@code opensOn}), 404 an unknown pair, 409 a conflict with concurrent work, 400 malformed input with the
 * field. Nothing was changed in any of these cases.
 */
@RestControllerAdvice(assignableTypes = CounterCommandController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommandProblems {

    private static final Logger log = LoggerFactory.getLogger(CommandProblems.class);

    private final MeterRegistry meters;

    CommandProblems(MeterRegistry meters) {
        this.meters = meters;
    }

    @ExceptionHandler(RuleViolationException.class)
    ProblemDetail refused(RuleViolationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.refusal().message());
        problem.setTitle("Refused by rule " + e.ruleId());
        problem.setType(URI.create("urn:jpki:rule:" + e.ruleId()));
        problem.setProperty("ruleId", e.ruleId());
        e.refusal().facts().forEach(problem::setProperty);
        log.info("command refused by {}", e.ruleId());
        Counter.builder("jpki.refusals").description("counter commands refused, by the rule that refused them")
                .tag("rule", e.ruleId()).register(meters).increment();
        return problem;
    }

    @ExceptionHandler({HolderOutsideJurisdictionException.class, StaffIdentity.NotStaffException.class})
    ProblemDetail forbidden(RuntimeException e) {
        return forbidden(e.getMessage());
    }

    private static ProblemDetail forbidden(String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, message);
        problem.setTitle("Outside your jurisdiction");
        return problem;
    }

    /** A pair of another municipality answers exactly like a pair that does not exist: its existence does not leak. */
    @ExceptionHandler(OutsideJurisdictionException.class)
    ProblemDetail elsewhere(OutsideJurisdictionException e, HttpServletRequest request) {
        return unknownPair(pairIdOf(request));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail unknownPair(AggregateNotFoundException e) {
        return unknownPair(String.valueOf(e.getAggregateIdentifier()));
    }

    /**
     * A refusal as the handling side wrapped it (BusRefusalsConfiguration): answered exactly like the refusal
     * itself, whether the command was handled in this JVM or on another node behind Axon Server. A pair of another
     * municipality arrives as NOT_FOUND without a subject and is answered with the requested id, like an unknown one.
     */
    @ExceptionHandler(CommandExecutionException.class)
    ProblemDetail refusedOnTheBus(CommandExecutionException e, HttpServletRequest request) {
        RefusalDetails refusal = e.getDetails().filter(RefusalDetails.class::isInstance).map(RefusalDetails.class::cast)
                .orElseThrow(() -> e);
        return switch (refusal.kind()) {
            case RULE -> refused(new RuleViolationException(new Decision.Refused(refusal.ruleId(), refusal.message(), refusal.facts())));
            case FORBIDDEN -> forbidden(refusal.message());
            case NOT_FOUND -> unknownPair(refusal.subject() != null ? refusal.subject() : pairIdOf(request));
            case CONFLICT -> conflict(new StateConflictException(refusal.message()));
            case INVALID -> badArgument(new IllegalArgumentException(refusal.message()));
        };
    }

    private static ProblemDetail unknownPair(String pairId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no certificate pair " + pairId);
        problem.setTitle("Unknown certificate pair");
        return problem;
    }

    private static String pairIdOf(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables instanceof Map<?, ?> map && map.get("pairId") != null ? String.valueOf(map.get("pairId")) : "with this id";
    }

    @ExceptionHandler(IdempotencyKeys.InvalidIdempotencyKeyException.class)
    ProblemDetail invalidKey(IdempotencyKeys.InvalidIdempotencyKeyException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid Idempotency-Key");
        problem.setProperty("ruleId", "R-IDEM-1");
        return problem;
    }

    @ExceptionHandler(IdempotencyKeys.DuplicateRequestInFlightException.class)
    ProblemDetail inFlight(IdempotencyKeys.DuplicateRequestInFlightException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Conflict");
        problem.setProperty("ruleId", "R-IDEM-3");
        return problem;
    }

    @ExceptionHandler({StateConflictException.class, ConcurrencyException.class})
    ProblemDetail conflict(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                e instanceof ConcurrencyException
                        ? "another command changed this pair at the same time; reload it and try again"
                        : e.getMessage());
        problem.setTitle("Conflict");
        return problem;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        Map<String, String> fields = e.getBindingResult().getFieldErrors().stream().collect(Collectors.toMap(
                f -> f.getField(), f -> String.valueOf(f.getDefaultMessage()), (a, b) -> a + "; " + b));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "invalid fields: " + String.join(", ", fields.keySet()));
        problem.setTitle("Invalid request");
        problem.setProperty("fields", fields);
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ProblemBodies.unreadable(e));
        problem.setTitle("Malformed request");
        return problem;
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, IllegalArgumentException.class})
    ProblemDetail badArgument(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                e instanceof MethodArgumentTypeMismatchException m
                        ? "invalid " + m.getName() + ": " + ProblemBodies.withoutInternals(firstLine(m.getMostSpecificCause().getMessage()))
                        : ProblemBodies.withoutInternals(firstLine(e.getMessage())));
        problem.setTitle("Invalid request");
        return problem;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
