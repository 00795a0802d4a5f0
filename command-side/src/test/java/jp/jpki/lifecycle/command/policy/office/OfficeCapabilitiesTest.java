package jp.jpki.lifecycle.command.policy.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import jp.jpki.lifecycle.api.pair.ApplicantType;
import jp.jpki.lifecycle.api.pair.Procedure;
import jp.jpki.lifecycle.command.rules.Decision;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OfficeCapabilitiesTest {

    private final OfficeCapabilities offices = new OfficeCapabilities(Map.of("branch-2", Set.of(
            OfficeCapabilities.capability(Procedure.ISSUANCE, ApplicantType.RESIDENT),
            OfficeCapabilities.capability(Procedure.RENEWAL, ApplicantType.RESIDENT))));

    @Test
    @DisplayName("R-PRC-5: a branch that takes no proxies refuses a voluntary proxy")
    void branchRefusesProxy() {
        Decision decision = offices.check("branch-2", Procedure.ISSUANCE, ApplicantType.VOLUNTARY_PROXY);
        assertThat(decision).isInstanceOfSatisfying(Decision.Refused.class, refused -> {
            assertThat(refused.ruleId()).isEqualTo("R-PRC-5");
            assertThat(refused.message()).contains("branch-2");
        });
    }

    @Test
    @DisplayName("R-PRC-5: the branch handles what its row lists")
    void branchHandlesListed() {
        assertThat(offices.check("branch-2", Procedure.ISSUANCE, ApplicantType.RESIDENT).isAllowed()).isTrue();
        assertThat(offices.check("branch-2", Procedure.RENEWAL, ApplicantType.RESIDENT).isAllowed()).isTrue();
        assertThat(offices.check("branch-2", Procedure.PIN_RESET, ApplicantType.RESIDENT).isAllowed()).isFalse();
    }

    @Test
    @DisplayName("R-PRC-5: an office not in the table (e.g. the main counter) handles everything")
    void unlistedOfficeHandlesEverything() {
        assertThat(offices.check("main", Procedure.PIN_RESET, ApplicantType.VOLUNTARY_PROXY).isAllowed()).isTrue();
        assertThat(OfficeCapabilities.allowingEverything().check("branch-2", Procedure.ISSUANCE,
                ApplicantType.VOLUNTARY_PROXY).isAllowed()).isTrue();
    }

    @Test
    @DisplayName("R-PRC-5: a command without an office (system-sent) is not restricted")
    void noOffice() {
        assertThat(offices.check(null, Procedure.ISSUANCE, ApplicantType.VOLUNTARY_PROXY).isAllowed()).isTrue();
    }
}
