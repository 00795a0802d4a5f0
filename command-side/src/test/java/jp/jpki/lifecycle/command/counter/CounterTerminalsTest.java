package jp.jpki.lifecycle.command.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import jp.jpki.lifecycle.command.rules.Decision;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CounterTerminalsTest {

    private final CounterTerminals terminals = new CounterTerminals(List.of(
            new CounterTerminals.Terminal("setagaya-1", "setagaya-main"),
            new CounterTerminals.Terminal("kita-1", "kita-branch")));

    @Test
    @DisplayName("R-TRM-1: card work is ordered at a terminal of the caller's own office")
    void ownOfficeTerminal() {
        assertThat(terminals.check("setagaya-main", "setagaya-1").isAllowed()).isTrue();
    }

    @Test
    @DisplayName("R-TRM-1: a terminal of another office, or one nobody configured, is refused")
    void otherTerminalsRefused() {
        assertThat(terminals.check("setagaya-main", "kita-1")).isInstanceOfSatisfying(Decision.Refused.class,
                refused -> assertThat(refused.ruleId()).isEqualTo("R-TRM-1"));
        assertThat(terminals.check("setagaya-main", "anything-typed")).isInstanceOf(Decision.Refused.class);
        assertThat(terminals.check(null, "setagaya-1")).isInstanceOf(Decision.Refused.class);
    }

    @Test
    @DisplayName("R-TRM-1: no terminals configured means no card work anywhere (fails closed)")
    void emptyTableFailsClosed() {
        CounterTerminals none = new CounterTerminals(List.of());
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.check("setagaya-main", "setagaya-1")).isInstanceOf(Decision.Refused.class);
    }

    @Test
    @DisplayName("R-TRM-1: a malformed table stops the start: bad id, no office, an id listed twice")
    void malformedTableRefusedAtStart() {
        assertThatThrownBy(() -> new CounterTerminals(List.of(new CounterTerminals.Terminal("bad id", "o"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CounterTerminals(List.of(new CounterTerminals.Terminal("t-1", " "))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CounterTerminals(List.of(new CounterTerminals.Terminal("t-1", "a"),
                new CounterTerminals.Terminal("t-1", "b")))).isInstanceOf(IllegalArgumentException.class);
    }
}
