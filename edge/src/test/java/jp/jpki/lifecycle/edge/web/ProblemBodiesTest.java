package jp.jpki.lifecycle.edge.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;

class ProblemBodiesTest {

    record Holder(String name, LocalDate dateOfBirth) {
    }

    record Request(Holder holder) {
    }

    @Test
    @DisplayName("R-SEC-PROBLEM-1: a value of the wrong type is named by its field, not by its Java type")
    void wrong_type_names_the_field() {
        String detail = ProblemBodies.unreadable(readFailure("{\"holder\":{\"name\":\"x\",\"dateOfBirth\":\"soon\"}}"));
        assertThat(detail).isEqualTo("the value of 'holder.dateOfBirth' has the wrong type or format");
    }

    @Test
    @DisplayName("R-SEC-PROBLEM-1: broken JSON is located by line and column")
    void broken_json_is_located() {
        assertThat(ProblemBodies.unreadable(readFailure("{\"holder\":"))).startsWith("the body is not valid JSON (line 1");
    }

    @Test
    @DisplayName("R-SEC-PROBLEM-1: qualified type names and reference chains are scrubbed from any text")
    void qualified_names_are_scrubbed() {
        String scrubbed = ProblemBodies.withoutInternals("Cannot deserialize value of type `java.time.LocalDate` from String \"soon\""
                + " (through reference chain: jp.jpki.lifecycle.Request[\"holder\"]); see jp.jpki.lifecycle.api.pair.Kind$Inner");
        assertThat(scrubbed).doesNotContain("java.").doesNotContain("jp.jpki").doesNotContain("reference chain")
                .contains("from String \"soon\"");
        assertThat(ProblemBodies.withoutInternals("the holder's name is missing")).isEqualTo("the holder's name is missing");
    }

    private static HttpMessageNotReadableException readFailure(String json) {
        try {
            new ObjectMapper().findAndRegisterModules().readValue(json, Request.class);
            throw new AssertionError("the body was read");
        } catch (java.io.IOException e) {
            return new HttpMessageNotReadableException("unreadable", e, new MockHttpInputMessage(json.getBytes()));
        }
    }
}
