package jp.jpki.lifecycle.command.policy.validity;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import jp.jpki.lifecycle.api.pair.CardGeneration;

/**
 * Versioned validity terms (R-VAL-4, R-VAL-6): how many birthdays a certificate lasts, per card generation and
 * effective date, and the card-expiry thresholds. Data, not code, because a next-generation card with
 * 10-year certificates is planned (R-VAL-6).
 */
public record CertificateTerms(List<Term> terms, List<CardTerm> cardTerms) {

    /** Certificates on cards of {@code generation} issued from {@code effectiveFrom}: k birthdays, k+1 on renewal. */
    public record Term(CardGeneration generation, LocalDate effectiveFrom, int birthdays, int renewalBirthdays) {
    }

    /**
     * Card expiry for applications received from {@code effectiveFrom}: {@code adultBirthdays} if at least
     * {@code adultAge} on the receipt date, else {@code minorBirthdays}.
     */
    public record CardTerm(LocalDate effectiveFrom, int adultAge, int adultBirthdays, int minorBirthdays) {
    }

    public static CertificateTerms defaults() {
        return new CertificateTerms(
                List.of(new Term(CardGeneration.FIRST, LocalDate.of(2016, 1, 1), 5, 6)),
                List.of(new CardTerm(LocalDate.of(2016, 1, 1), 20, 10, 5),
                        new CardTerm(LocalDate.of(2022, 4, 1), 18, 10, 5)));
    }

    Term termFor(CardGeneration generation, LocalDate on) {
        return findTerm(generation, on)
                .orElseThrow(() -> new IllegalStateException("no validity term for " + generation + " on " + on));
    }

    boolean hasTermFor(CardGeneration generation, LocalDate on) {
        return findTerm(generation, on).isPresent();
    }

    private Optional<Term> findTerm(CardGeneration generation, LocalDate on) {
        return terms.stream().filter(t -> t.generation() == generation && !t.effectiveFrom().isAfter(on))
                .max(Comparator.comparing(Term::effectiveFrom));
    }

    CardTerm cardTermFor(LocalDate applicationReceivedOn) {
        return cardTerms.stream().filter(t -> !t.effectiveFrom().isAfter(applicationReceivedOn))
                .max(Comparator.comparing(CardTerm::effectiveFrom))
                .orElseThrow(() -> new IllegalStateException("no card term for " + applicationReceivedOn));
    }
}
