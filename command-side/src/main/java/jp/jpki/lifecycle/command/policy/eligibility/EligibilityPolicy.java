package jp.jpki.lifecycle.command.policy.eligibility;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import jp.jpki.lifecycle.api.pair.ApplicantType;
import jp.jpki.lifecycle.api.pair.CardGeneration;
import jp.jpki.lifecycle.api.pair.CardInfo;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.HolderFacts;
import jp.jpki.lifecycle.command.policy.validity.Birthdays;
import jp.jpki.lifecycle.command.policy.validity.LeapDayPolicy;
import jp.jpki.lifecycle.command.rules.Decision;

/** Who may hold which certificate, and who may apply (R-ELG-1…4). */
public class EligibilityPolicy {

    static final int SIGN_MIN_AGE = 15;

    private final LeapDayPolicy leap;

    /** @param leap where a 29 February holder's 15th birthday falls, the same named policy as validity (R-VAL-5) */
    public EligibilityPolicy(LeapDayPolicy leap) {
        this.leap = leap;
    }

    public Decision checkIssuance(Set<CertificateKind> kinds, HolderFacts holder, CardInfo card, LocalDate cardExpiry,
                                  ApplicantType applicant, String supervisorOverrideReason, LocalDate today) {
        Decision decision = checkCardValid(cardExpiry, today);
        if (kinds.contains(CertificateKind.SIGN)) {
            decision = decision.and(checkSign(holder, card, supervisorOverrideReason, today));
        }
        return decision.and(checkApplicant(holder, applicant, today));
    }

    /** R-ELG-5: certificates go on a My Number card only, never on a resident-register card (住基カード). */
    public Decision checkCardKind(CardInfo card) {
        return card.generation() == CardGeneration.RESIDENT_REGISTER_CARD
                ? Decision.refused("R-ELG-5", "certificates are no longer issued on a resident-register card (住基カード, "
                        + "ended 2015-12-22); the resident applies for a My Number card")
                : Decision.allowed();
    }

    /** R-ELG-1: every issuance and renewal needs a valid card. */
    public Decision checkCardValid(LocalDate cardExpiry, LocalDate today) {
        return today.isAfter(cardExpiry)
                ? Decision.refused("R-ELG-1", "the My Number card expired on " + cardExpiry + "; a valid card is required",
                Map.of("cardExpiry", cardExpiry.toString()))
                : Decision.allowed();
    }

    /** R-ELG-3 (and R-PIN-4): for under-15s and adult wards the legal representative applies. */
    public Decision checkApplicant(HolderFacts holder, ApplicantType applicant, LocalDate today) {
        boolean represented = holder.adultWard() || today.isBefore(fifteenthBirthday(holder));
        if (represented && applicant != ApplicantType.LEGAL_REPRESENTATIVE) {
            return Decision.refused("R-ELG-3", "for a holder under 15 or an adult ward the legal representative "
                    + "(親権者 / 成年後見人) must apply");
        }
        return Decision.allowed();
    }

    private Decision checkSign(HolderFacts holder, CardInfo card, String overrideReason, LocalDate today) {
        if (card.faceAuthentication()) {
            return Decision.refused("R-ELG-4", "a face-authentication card carries no SIGN certificate");
        }
        boolean overridden = overrideReason != null && !overrideReason.isBlank();
        LocalDate eligibleFrom = fifteenthBirthday(holder);
        if (today.isBefore(eligibleFrom) && !overridden) {
            return Decision.refused("R-ELG-2", "SIGN can be issued from the 15th birthday, " + eligibleFrom,
                    Map.of("eligibleFrom", eligibleFrom.toString()));
        }
        if (holder.adultWard() && !overridden) {
            return Decision.refused("R-ELG-2", "SIGN is not issued to an adult ward unless a supervisor overrides with a reason");
        }
        return Decision.allowed();
    }

    /** Not {@code plusYears(15)}: that always picks 28 February for a 29 February child, whatever the leap-day policy. */
    private LocalDate fifteenthBirthday(HolderFacts holder) {
        return Birthdays.nthBirthday(holder.dateOfBirth(), SIGN_MIN_AGE, leap);
    }
}
