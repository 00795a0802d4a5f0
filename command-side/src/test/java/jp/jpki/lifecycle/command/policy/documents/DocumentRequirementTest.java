package jp.jpki.lifecycle.command.policy.documents;

import static jp.jpki.lifecycle.api.pair.DocumentClass.A;
import static jp.jpki.lifecycle.api.pair.DocumentClass.B;
import static jp.jpki.lifecycle.api.pair.DocumentClass.C;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DocumentRequirementTest {

    @Test
    @DisplayName("R-PRC-4: 'A×1 or B×2' — one A, or two B")
    void oneAOrTwoB() {
        var requirement = DocumentRequirement.parse("A×1 or B×2");
        assertThat(requirement.isSatisfiedBy(List.of(A))).isTrue();
        assertThat(requirement.isSatisfiedBy(List.of(B, B))).isTrue();
        assertThat(requirement.isSatisfiedBy(List.of(B))).isFalse();
        assertThat(requirement.isSatisfiedBy(List.of(C, C))).isFalse();
        assertThat(requirement.isSatisfiedBy(List.of())).isFalse();
    }

    @Test
    @DisplayName("R-PRC-4: 'A×2 or A×1+B×1' — an alternative needs every listed count")
    void combinedAlternative() {
        var requirement = DocumentRequirement.parse("A×2 or A×1+B×1");
        assertThat(requirement.isSatisfiedBy(List.of(A, B))).isTrue();
        assertThat(requirement.isSatisfiedBy(List.of(A, A))).isTrue();
        assertThat(requirement.isSatisfiedBy(List.of(A))).isFalse();
        assertThat(requirement.isSatisfiedBy(List.of(B, B))).isFalse();
    }

    @Test
    @DisplayName("R-PRC-4: an empty requirement needs nothing (R-PRC-1: a resident in person)")
    void emptyNeedsNothing() {
        assertThat(DocumentRequirement.parse("").isSatisfiedBy(List.of())).isTrue();
        assertThat(DocumentRequirement.parse(null).isSatisfiedBy(List.of())).isTrue();
    }

    @Test
    @DisplayName("R-PRC-4: the notation tolerates 'x', spaces and an upper-case OR; repeated classes add up")
    void lenientNotation() {
        assertThat(DocumentRequirement.parse("A x 1 OR B x 2").isSatisfiedBy(List.of(B, B))).isTrue();
        assertThat(DocumentRequirement.parse("A×1+A×1").isSatisfiedBy(List.of(A))).isFalse();
        assertThat(DocumentRequirement.parse("A×1+A×1").isSatisfiedBy(List.of(A, A))).isTrue();
    }

    @Test
    @DisplayName("R-PRC-4: a misspelt requirement fails at configuration time, not at the counter")
    void malformedRejected() {
        assertThatThrownBy(() -> DocumentRequirement.parse("A or B×2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DocumentRequirement.parse("E×1")).isInstanceOf(IllegalArgumentException.class);
    }
}
