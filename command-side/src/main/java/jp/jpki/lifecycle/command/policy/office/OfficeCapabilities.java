package jp.jpki.lifecycle.command.policy.office;

import java.util.Map;
import java.util.Set;
import jp.jpki.lifecycle.api.pair.ApplicantType;
import jp.jpki.lifecycle.api.pair.Procedure;
import jp.jpki.lifecycle.command.rules.Decision;

/**
 * What each office accepts (R-PRC-5): for a configured office, the set of {@code "PROCEDURE/APPLICANT"} it
 * handles; an office not in the table handles everything.
 */
public class OfficeCapabilities {

    private final Map<String, Set<String>> accepted;

    public OfficeCapabilities(Map<String, Set<String>> acceptedByOffice) {
        this.accepted = Map.copyOf(acceptedByOffice);
    }

    public static OfficeCapabilities allowingEverything() {
        return new OfficeCapabilities(Map.of());
    }

    public static String capability(Procedure procedure, ApplicantType applicant) {
        return procedure + "/" + applicant;
    }

    public Decision check(String officeId, Procedure procedure, ApplicantType applicant) {
        Set<String> capabilities = officeId == null ? null : accepted.get(officeId);
        if (capabilities == null || capabilities.contains(capability(procedure, applicant))) {
            return Decision.allowed();
        }
        return Decision.refused("R-PRC-5", "office " + officeId + " does not handle " + procedure + " for a "
                + applicant + "; refer the applicant to an office that does");
    }
}
