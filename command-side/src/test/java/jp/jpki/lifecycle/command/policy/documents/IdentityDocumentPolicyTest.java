package jp.jpki.lifecycle.command.policy.documents;

import static jp.jpki.lifecycle.api.pair.DocumentClass.A;
import static jp.jpki.lifecycle.api.pair.DocumentClass.B;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import jp.jpki.lifecycle.api.pair.ApplicantType;
import jp.jpki.lifecycle.api.pair.Procedure;
import jp.jpki.lifecycle.command.rules.Decision;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IdentityDocumentPolicyTest {

    @Test
    @DisplayName("R-PRC-4: a requirement is data: 'A×1 or B×2' is met by one A or two Bs, not by one B")
    void r_prc_4_requirement_as_data() {
        DocumentRequirement requirement = DocumentRequirement.parse("A×1 or B×2");
        assertThat(requirement.isSatisfiedBy(List.of(A))).isTrue();
        assertThat(requirement.isSatisfiedBy(List.of(B, B))).isTrue();
        assertThat(requirement.isSatisfiedBy(List.of(B))).isFalse();
        assertThat(requirement.isSatisfiedBy(List.of())).isFalse();
    }

    @Test
    @DisplayName("R-PRC-4: combinations within an alternative: 'A×2 or A×1+B×1'")
    void r_prc_4_combinations() {
        DocumentRequirement requirement = DocumentRequirement.parse("A×2 or A×1+B×1");
        assertThat(requirement.isSatisfiedBy(List.of(A, B))).isTrue();
        assertThat(requirement.isSatisfiedBy(List.of(A, A))).isTrue();
        assertThat(requirement.isSatisfiedBy(List.of(A))).isFalse();
        assertThat(requirement.isSatisfiedBy(List.of(B, B))).isFalse();
    }

    @Test
    @DisplayName("R-PRC-1, R-PRC-4: a resident in person needs documents only for a PIN reset")
    void r_prc_1_resident_in_person() {
        IdentityDocumentPolicy policy = IdentityDocumentPolicy.defaults();
        assertThat(policy.check("131121", Procedure.ISSUANCE, ApplicantType.RESIDENT, List.of()).isAllowed()).isTrue();
        assertThat(policy.check("131121", Procedure.RENEWAL, ApplicantType.RESIDENT, List.of()).isAllowed()).isTrue();
        assertThat(policy.check("131121", Procedure.PIN_RESET, ApplicantType.RESIDENT, List.of()))
                .isInstanceOfSatisfying(Decision.Refused.class, refused -> {
                    assertThat(refused.ruleId()).isEqualTo("R-PRC-4");
                    assertThat(refused.facts()).containsEntry("requirement", "A×1 or B×1");
                });
        assertThat(policy.check("131121", Procedure.PIN_RESET, ApplicantType.RESIDENT, List.of(B)).isAllowed()).isTrue();
    }

    @Test
    @DisplayName("R-PRC-4: a municipality's own table overrides the default for its procedures")
    void r_prc_4_per_municipality() {
        Map<String, String> table = new java.util.HashMap<>(IdentityDocumentPolicy.defaultTable());
        table.put(IdentityDocumentPolicy.key("271004", Procedure.PIN_RESET, ApplicantType.RESIDENT), "A×1");
        IdentityDocumentPolicy policy = new IdentityDocumentPolicy(table);
        assertThat(policy.check("271004", Procedure.PIN_RESET, ApplicantType.RESIDENT, List.of(B)).isAllowed()).isFalse();
        assertThat(policy.check("131121", Procedure.PIN_RESET, ApplicantType.RESIDENT, List.of(B)).isAllowed()).isTrue();
    }
}
