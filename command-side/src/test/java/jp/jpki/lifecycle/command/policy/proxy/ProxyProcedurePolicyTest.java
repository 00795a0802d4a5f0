package jp.jpki.lifecycle.command.policy.proxy;

import static jp.jpki.lifecycle.api.pair.CertificateKind.AUTH;
import static jp.jpki.lifecycle.api.pair.CertificateKind.SIGN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import jp.jpki.lifecycle.api.pair.ApplicantType;
import jp.jpki.lifecycle.api.pair.DocumentClass;
import jp.jpki.lifecycle.api.pair.Procedure;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProxyProcedurePolicyTest {

    private final ProxyProcedurePolicy policy = new ProxyProcedurePolicy();

    @Test
    @DisplayName("R-PRC-1: a resident in person is served the same day")
    void r_prc_1_resident_same_day() {
        assertThat(policy.requiresAnsweredInquiry(Procedure.ISSUANCE, ApplicantType.RESIDENT, Set.of(SIGN, AUTH), List.of(),
                false, false, false)).isFalse();
    }

    @Test
    @DisplayName("R-PRC-2: a voluntary proxy needs the answered inquiry letter (two visits)")
    void r_prc_2_voluntary_proxy_two_visits() {
        assertThat(policy.requiresAnsweredInquiry(Procedure.ISSUANCE, ApplicantType.VOLUNTARY_PROXY, Set.of(AUTH),
                List.of(DocumentClass.A), false, false, false)).isTrue();
        assertThat(policy.requiresAnsweredInquiry(Procedure.RENEWAL, ApplicantType.VOLUNTARY_PROXY, Set.of(AUTH),
                List.of(DocumentClass.A), true, false, false)).as("expiry notice but the certificate already expired").isTrue();
    }

    @Test
    @DisplayName("R-PRC-3: one visit for a proxy renewing with the expiry notice while the certificate is valid")
    void r_prc_3_renewal_with_expiry_notice() {
        assertThat(policy.requiresAnsweredInquiry(Procedure.RENEWAL, ApplicantType.VOLUNTARY_PROXY, Set.of(AUTH),
                List.of(DocumentClass.A), true, true, false)).isFalse();
    }

    @Test
    @DisplayName("R-PRC-3: one visit for a legal representative with an A document")
    void r_prc_3_legal_representative_with_a() {
        assertThat(policy.requiresAnsweredInquiry(Procedure.ISSUANCE, ApplicantType.LEGAL_REPRESENTATIVE, Set.of(AUTH),
                List.of(DocumentClass.A), false, false, false)).isFalse();
        assertThat(policy.requiresAnsweredInquiry(Procedure.ISSUANCE, ApplicantType.LEGAL_REPRESENTATIVE, Set.of(AUTH),
                List.of(DocumentClass.B, DocumentClass.B), false, false, false)).isTrue();
    }

    @Test
    @DisplayName("R-PRC-3: one visit for a same-household member when SIGN is issued with a move notice, two otherwise")
    void r_prc_3_same_household_with_move_notice() {
        assertThat(policy.requiresAnsweredInquiry(Procedure.ISSUANCE, ApplicantType.SAME_HOUSEHOLD_MEMBER, Set.of(SIGN),
                List.of(DocumentClass.A), false, false, true)).isFalse();
        assertThat(policy.requiresAnsweredInquiry(Procedure.ISSUANCE, ApplicantType.SAME_HOUSEHOLD_MEMBER, Set.of(AUTH),
                List.of(DocumentClass.A), false, false, true)).isTrue();
    }
}
