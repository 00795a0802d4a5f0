package jp.jpki.lifecycle.command.policy.documents;

import static jp.jpki.lifecycle.api.pair.DocumentClass.A;
import static jp.jpki.lifecycle.api.pair.DocumentClass.B;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.jpki.lifecycle.api.pair.ApplicantType;
import jp.jpki.lifecycle.api.pair.DocumentClass;
import jp.jpki.lifecycle.api.pair.Procedure;
import jp.jpki.lifecycle.command.rules.Decision;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IdentityDocumentPolicyTest {

    private static final String SETAGAYA = "131121";
    private final IdentityDocumentPolicy defaults = IdentityDocumentPolicy.defaults();

    private static boolean allowed(IdentityDocumentPolicy policy, String municipality, Procedure procedure,
                                   ApplicantType applicant, DocumentClass... shown) {
        return policy.check(municipality, procedure, applicant, List.of(shown)).isAllowed();
    }

    @ParameterizedTest(name = "R-PRC-1: a resident in person needs no documents for {0}")
    @EnumSource(value = Procedure.class, names = {"ISSUANCE", "RENEWAL", "REVOCATION"})
    void residentNeedsNoDocuments(Procedure procedure) {
        assertThat(allowed(defaults, SETAGAYA, procedure, ApplicantType.RESIDENT)).isTrue();
    }

    @Test
    @DisplayName("R-PRC-1 + R-PIN-4: a resident resetting a PIN shows A×1 or B×1")
    void residentPinReset() {
        assertThat(allowed(defaults, SETAGAYA, Procedure.PIN_RESET, ApplicantType.RESIDENT)).isFalse();
        assertThat(allowed(defaults, SETAGAYA, Procedure.PIN_RESET, ApplicantType.RESIDENT, B)).isTrue();
        assertThat(allowed(defaults, SETAGAYA, Procedure.PIN_RESET, ApplicantType.RESIDENT, A)).isTrue();
    }

    @Test
    @DisplayName("R-PRC-4: a voluntary proxy shows A×1 or B×2 by default")
    void voluntaryProxyDefault() {
        assertThat(allowed(defaults, SETAGAYA, Procedure.ISSUANCE, ApplicantType.VOLUNTARY_PROXY, B)).isFalse();
        assertThat(allowed(defaults, SETAGAYA, Procedure.ISSUANCE, ApplicantType.VOLUNTARY_PROXY, B, B)).isTrue();
        assertThat(allowed(defaults, SETAGAYA, Procedure.ISSUANCE, ApplicantType.VOLUNTARY_PROXY, A)).isTrue();
    }

    @Test
    @DisplayName("R-PRC-4 + R-PRC-3: a legal representative with one A document suffices for an issuance (one-visit exception)")
    void legalRepresentativeIssuanceWithOneA() {
        assertThat(allowed(defaults, SETAGAYA, Procedure.ISSUANCE, ApplicantType.LEGAL_REPRESENTATIVE, A)).isTrue();
        assertThat(allowed(defaults, SETAGAYA, Procedure.RENEWAL, ApplicantType.LEGAL_REPRESENTATIVE, A)).isTrue();
        assertThat(allowed(defaults, SETAGAYA, Procedure.ISSUANCE, ApplicantType.LEGAL_REPRESENTATIVE)).isFalse();
    }

    @Test
    @DisplayName("R-PRC-4: a legal representative resetting a PIN shows A×2 or A×1+B×1 (Ageo)")
    void legalRepresentativePinReset() {
        assertThat(allowed(defaults, SETAGAYA, Procedure.PIN_RESET, ApplicantType.LEGAL_REPRESENTATIVE, A)).isFalse();
        assertThat(allowed(defaults, SETAGAYA, Procedure.PIN_RESET, ApplicantType.LEGAL_REPRESENTATIVE, A, B)).isTrue();
        assertThat(allowed(defaults, SETAGAYA, Procedure.PIN_RESET, ApplicantType.LEGAL_REPRESENTATIVE, A, A)).isTrue();
    }

    @Test
    @DisplayName("R-PRC-4: a municipality's own entry overrides the default, other municipalities keep it")
    void perMunicipalityOverride() {
        Map<String, String> table = new HashMap<>(IdentityDocumentPolicy.defaultTable());
        table.put(IdentityDocumentPolicy.key(SETAGAYA, Procedure.PIN_RESET, ApplicantType.RESIDENT), "A×1");
        var policy = new IdentityDocumentPolicy(table);
        assertThat(allowed(policy, SETAGAYA, Procedure.PIN_RESET, ApplicantType.RESIDENT, B)).isFalse();
        assertThat(allowed(policy, SETAGAYA, Procedure.PIN_RESET, ApplicantType.RESIDENT, A)).isTrue();
        assertThat(allowed(policy, "011002", Procedure.PIN_RESET, ApplicantType.RESIDENT, B)).isTrue();
    }

    @Test
    @DisplayName("R-PRC-4: a refusal names the requirement so the clerk can tell the applicant")
    void refusalNamesRequirement() {
        Decision decision = defaults.check(SETAGAYA, Procedure.ISSUANCE, ApplicantType.VOLUNTARY_PROXY, List.of(B));
        assertThat(decision).isInstanceOfSatisfying(Decision.Refused.class, refused -> {
            assertThat(refused.ruleId()).isEqualTo("R-PRC-4");
            assertThat(refused.facts()).containsEntry("requirement", "A×1 or B×2");
        });
    }

    @Test
    @DisplayName("R-PRC-4: a key missing from every table needs nothing rather than failing")
    void unknownKeyNeedsNothing() {
        var policy = new IdentityDocumentPolicy(Map.of());
        assertThat(allowed(policy, SETAGAYA, Procedure.ISSUANCE, ApplicantType.VOLUNTARY_PROXY)).isTrue();
    }
}
