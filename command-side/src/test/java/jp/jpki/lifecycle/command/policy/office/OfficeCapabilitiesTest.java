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

    @Test
    @DisplayName("R-PRC-5: a branch that takes no proxies refuses a proxy and serves a resident; unlisted offices serve all")
    void r_prc_5_capability_table() {
        OfficeCapabilities table = new OfficeCapabilities(Map.of("setagaya-branch",
                Set.of(OfficeCapabilities.capability(Procedure.ISSUANCE, ApplicantType.RESIDENT),
                        OfficeCapabilities.capability(Procedure.PIN_RESET, ApplicantType.RESIDENT))));
        assertThat(table.check("setagaya-branch", Procedure.ISSUANCE, ApplicantType.VOLUNTARY_PROXY))
                .isInstanceOfSatisfying(Decision.Refused.class, refused -> assertThat(refused.ruleId()).isEqualTo("R-PRC-5"));
        assertThat(table.check("setagaya-branch", Procedure.ISSUANCE, ApplicantType.RESIDENT).isAllowed()).isTrue();
        assertThat(table.check("setagaya-main", Procedure.ISSUANCE, ApplicantType.VOLUNTARY_PROXY).isAllowed()).isTrue();
    }
}
