package jp.jpki.lifecycle.command.policy.calendar;

import java.time.Instant;

/** An announced one-off stoppage of J-LIS's systems, [from, until). */
public record Stoppage(Instant from, Instant until, String label) {
}
