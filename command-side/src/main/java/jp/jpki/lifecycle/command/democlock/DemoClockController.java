package jp.jpki.lifecycle.command.democlock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import jp.jpki.lifecycle.command.infrastructure.AdjustableClock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Demo only: a supervisor moves the application's clock forward, so a newcomer can watch certificates expire,
 * expiry notices fall due and renewal windows open. The rules, event timestamps and persistent deadlines all read
 * this clock. Exists only under the demo profile with {@code jpki.clock.adjustable=true}; production has no way to
 * change time.
 */
@RestController
@Profile("demo")
@ConditionalOnProperty(name = "jpki.clock.adjustable", havingValue = "true")
@RequestMapping("/api/demo/clock")
@Tag(name = "demo", description = "Demo profile only")
class DemoClockController {

    private static final Duration LONGEST_STEP = Duration.ofDays(366 * 12);

    private final AdjustableClock clock;

    DemoClockController(AdjustableClock clock) {
        this.clock = clock;
    }

    @GetMapping
    Map<String, Object> now() {
        return Map.of("now", clock.instant());
    }

    /** Forward by {@code days}, or to {@code advanceTo}; never back, since a deadline would fire twice. */
    @PostMapping
    @Operation(summary = "Move the demo clock forward (SUPERVISOR, demo profile only)")
    Map<String, Object> advance(@RequestBody ClockStep step) {
        Instant target = step.advanceTo() != null ? step.advanceTo()
                : clock.instant().plus(Duration.ofDays(step.days() == null ? 0 : step.days()));
        if (Duration.between(clock.instant(), target).compareTo(LONGEST_STEP) > 0) {
            throw new IllegalArgumentException("one step moves the clock at most 12 years");
        }
        clock.advanceTo(target);
        return now();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail refused(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        problem.setTitle("The demo clock only moves forward");
        return problem;
    }

    /** @param days whole days forward; @param advanceTo an instant in the clock's future (one of the two) */
    record ClockStep(Long days, Instant advanceTo) {
    }
}
