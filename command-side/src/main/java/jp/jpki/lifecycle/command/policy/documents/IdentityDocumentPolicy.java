package jp.jpki.lifecycle.command.policy.documents;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.jpki.lifecycle.api.pair.ApplicantType;
import jp.jpki.lifecycle.api.pair.DocumentClass;
import jp.jpki.lifecycle.api.pair.Procedure;
import jp.jpki.lifecycle.command.rules.Decision;

/**
 * Which identity documents suffice, per municipality × procedure × applicant (R-PRC-4), with a default table
 * for municipalities that configure nothing. Keys: {@code "<municipality>/<PROCEDURE>/<APPLICANT>"}, with
 * {@code "*"} as the municipality of the defaults.
 */
public class IdentityDocumentPolicy {

    private final Map<String, DocumentRequirement> requirements;

    public IdentityDocumentPolicy(Map<String, String> requirementsByKey) {
        Map<String, DocumentRequirement> parsed = new HashMap<>();
        requirementsByKey.forEach((key, text) -> parsed.put(key, DocumentRequirement.parse(text)));
        this.requirements = Map.copyOf(parsed);
    }

    /**
     * Defaults from the municipal pages of docs/domain.md (R-PRC-1, R-PRC-4, R-PIN-4): a resident in person needs documents only to reset a PIN (R-PRC-1);
     * a legal representative A×1 (same day, R-PRC-3) or B×1 (on the second visit, Setagaya), but A×2 or A×1+B×1
     * for a PIN reset (Ageo); a voluntary proxy or household member A×1 or B×2.
     */
    public static Map<String, String> defaultTable() {
        Map<String, String> table = new HashMap<>();
        for (Procedure procedure : Procedure.values()) {
            boolean pinReset = procedure == Procedure.PIN_RESET;
            table.put(key("*", procedure, ApplicantType.RESIDENT), pinReset ? "A×1 or B×1" : "");
            table.put(key("*", procedure, ApplicantType.LEGAL_REPRESENTATIVE), pinReset ? "A×2 or A×1+B×1" : "A×1 or B×1");
            table.put(key("*", procedure, ApplicantType.VOLUNTARY_PROXY), "A×1 or B×2");
            table.put(key("*", procedure, ApplicantType.SAME_HOUSEHOLD_MEMBER), "A×1 or B×2");
        }
        return table;
    }

    public static IdentityDocumentPolicy defaults() {
        return new IdentityDocumentPolicy(defaultTable());
    }

    public static String key(String municipalityCode, Procedure procedure, ApplicantType applicant) {
        return municipalityCode + "/" + procedure + "/" + applicant;
    }

    public Decision check(String municipalityCode, Procedure procedure, ApplicantType applicant, List<DocumentClass> shown) {
        DocumentRequirement requirement = requirements.getOrDefault(key(municipalityCode, procedure, applicant),
                requirements.getOrDefault(key("*", procedure, applicant), DocumentRequirement.parse("")));
        if (requirement.isSatisfiedBy(shown)) {
            return Decision.allowed();
        }
        return Decision.refused("R-PRC-4", "identity documents do not suffice for " + procedure + " by " + applicant
                + ": needs " + requirement.text(), Map.of("requirement", requirement.text()));
    }
}
