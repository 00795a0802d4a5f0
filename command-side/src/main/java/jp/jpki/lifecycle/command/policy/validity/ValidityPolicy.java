package jp.jpki.lifecycle.command.policy.validity;

import java.time.LocalDate;
import java.util.Map;
import jp.jpki.lifecycle.api.pair.CardGeneration;
import jp.jpki.lifecycle.api.pair.CardInfo;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.command.rules.Decision;

/** How long a card and its certificates are valid (R-VAL-1…6). */
public class ValidityPolicy {

    private final LeapDayPolicy leap;
    private final CertificateTerms terms;

    public ValidityPolicy(LeapDayPolicy leap, CertificateTerms terms) {
        this.leap = leap;
        this.terms = terms;
    }

    /** R-VAL-6: the card's expiry from its application date, the holder's age then, and any period of stay. */
    public LocalDate cardExpiry(CardInfo card, LocalDate dateOfBirth) {
        CertificateTerms.CardTerm term = terms.cardTermFor(card.applicationReceivedOn());
        boolean adult = Birthdays.ageOn(dateOfBirth, card.applicationReceivedOn(), leap) >= term.adultAge();
        LocalDate expiry = Birthdays.nthBirthdayAfter(dateOfBirth, card.issuedOn(),
                adult ? term.adultBirthdays() : term.minorBirthdays(), leap);
        return card.periodOfStayEnd() != null && card.periodOfStayEnd().isBefore(expiry) ? card.periodOfStayEnd() : expiry;
    }

    /**
     * R-VAL-6: certificates can be issued on this card generation on this day only if terms are configured for
     * it. Checked when the issuance is requested, so an unknown generation is refused at the counter rather than
     * failing after keys were generated on the card.
     */
    public Decision checkTermsFor(CardGeneration generation, LocalDate issuedOn) {
        return terms.hasTermFor(generation, issuedOn) ? Decision.allowed()
                : Decision.refused("R-VAL-6", "no certificate validity terms are configured for " + generation
                + " cards on " + issuedOn, Map.of("generation", generation.name()));
    }

    /**
     * R-VAL-2/3/4: the k-th birthday after issue (k from the versioned terms, +1 on renewal inside the window),
     * capped by the card's expiry and, for SIGN, by an active AUTH.
     */
    public LocalDate notAfter(CertificateKind kind, LocalDate dateOfBirth, LocalDate issuedOn, boolean renewal,
                              LocalDate cardExpiry, LocalDate activeAuthNotAfter, CardGeneration generation) {
        CertificateTerms.Term term = terms.termFor(generation, issuedOn);
        LocalDate byBirthday = Birthdays.nthBirthdayAfter(dateOfBirth, issuedOn,
                renewal ? term.renewalBirthdays() : term.birthdays(), leap);
        LocalDate notAfter = earliest(byBirthday, cardExpiry);
        if (kind == CertificateKind.SIGN && activeAuthNotAfter != null) {
            notAfter = earliest(notAfter, activeAuthNotAfter);
        }
        return notAfter;
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
