package jp.jpki.lifecycle.command.policy.proxy;

import static jp.jpki.lifecycle.api.pair.DocumentClass.A;
import static jp.jpki.lifecycle.api.pair.DocumentClass.B;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import jp.jpki.lifecycle.api.pair.ApplicantType;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.DocumentClass;
import jp.jpki.lifecycle.api.pair.Procedure;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProxyProcedurePolicyTest {

    private static final Set<CertificateKind> BOTH = Set.of(CertificateKind.SIGN, CertificateKind.AUTH);
    private static final Set<CertificateKind> AUTH = Set.of(CertificateKind.AUTH);
    private final ProxyProcedurePolicy policy = new ProxyProcedurePolicy();

    private boolean twoVisits(Procedure procedure, ApplicantType applicant, Set<CertificateKind> kinds, List<DocumentClass> documents,
                              boolean expiryNotice, boolean stillValid, boolean moveNotice) {
        return policy.requiresAnsweredInquiry(procedure, applicant, kinds, documents, expiryNotice, stillValid, moveNotice);
    }

    @ParameterizedTest(name = "R-PRC-1: the resident in person never needs the inquiry letter ({0})")
    @EnumSource(Procedure.class)
    void residentSameDay(Procedure procedure) {
        assertThat(twoVisits(procedure, ApplicantType.RESIDENT, BOTH, List.of(), false, false, false)).isFalse();
    }

    @ParameterizedTest(name = "R-PRC-2: a voluntary proxy needs two visits for {0}")
    @EnumSource(value = Procedure.class, names = {"ISSUANCE", "RENEWAL", "PIN_RESET"})
    void voluntaryProxyTwoVisits(Procedure procedure) {
        assertThat(twoVisits(procedure, ApplicantType.VOLUNTARY_PROXY, BOTH, List.of(A), false, true, false)).isTrue();
    }

    @Test
    @DisplayName("R-PRC-3: a proxy renewing with the expiry notice while still valid needs one visit")
    void expiryNoticeRenewal() {
        assertThat(twoVisits(Procedure.RENEWAL, ApplicantType.VOLUNTARY_PROXY, BOTH, List.of(A), true, true, false)).isFalse();
    }

    @Test
    @DisplayName("R-PRC-3: a same-household member is a proxy too: renewal with the expiry notice in one visit")
    void householdMemberExpiryNoticeRenewal() {
        assertThat(twoVisits(Procedure.RENEWAL, ApplicantType.SAME_HOUSEHOLD_MEMBER, BOTH, List.of(A), true, true, false)).isFalse();
        assertThat(twoVisits(Procedure.RENEWAL, ApplicantType.SAME_HOUSEHOLD_MEMBER, BOTH, List.of(A), false, true, false)).isTrue();
    }

    @Test
    @DisplayName("R-PRC-2: the expiry notice does not help once the certificate has expired, nor for an issuance")
    void expiryNoticeOnlyWhileValid() {
        assertThat(twoVisits(Procedure.RENEWAL, ApplicantType.VOLUNTARY_PROXY, BOTH, List.of(A), true, false, false)).isTrue();
        assertThat(twoVisits(Procedure.ISSUANCE, ApplicantType.VOLUNTARY_PROXY, BOTH, List.of(A), true, true, false)).isTrue();
    }

    @Test
    @DisplayName("R-PRC-3: a legal representative with an A document needs one visit; with B only, two")
    void legalRepresentative() {
        assertThat(twoVisits(Procedure.ISSUANCE, ApplicantType.LEGAL_REPRESENTATIVE, AUTH, List.of(A), false, false, false)).isFalse();
        assertThat(twoVisits(Procedure.ISSUANCE, ApplicantType.LEGAL_REPRESENTATIVE, AUTH, List.of(B), false, false, false)).isTrue();
    }

    @Test
    @DisplayName("R-PRC-3: SIGN issued with a move-in/move notice by a household member or legal representative: one visit")
    void signWithMoveNotice() {
        Set<CertificateKind> sign = Set.of(CertificateKind.SIGN);
        assertThat(twoVisits(Procedure.ISSUANCE, ApplicantType.SAME_HOUSEHOLD_MEMBER, sign, List.of(B), false, false, true)).isFalse();
        assertThat(twoVisits(Procedure.ISSUANCE, ApplicantType.LEGAL_REPRESENTATIVE, sign, List.of(B), false, false, true)).isFalse();
    }

    @Test
    @DisplayName("R-PRC-2: the move-notice exception covers SIGN only, and not a voluntary proxy")
    void moveNoticeLimits() {
        assertThat(twoVisits(Procedure.ISSUANCE, ApplicantType.SAME_HOUSEHOLD_MEMBER, AUTH, List.of(A), false, false, true)).isTrue();
        assertThat(twoVisits(Procedure.ISSUANCE, ApplicantType.VOLUNTARY_PROXY, Set.of(CertificateKind.SIGN), List.of(A), false, false, true))
                .isTrue();
        assertThat(twoVisits(Procedure.ISSUANCE, ApplicantType.SAME_HOUSEHOLD_MEMBER, BOTH, List.of(A), false, false, false)).isTrue();
    }
}
