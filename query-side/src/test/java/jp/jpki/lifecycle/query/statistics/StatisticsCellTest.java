package jp.jpki.lifecycle.query.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatisticsCellTest {

    @Test
    void any_value_makes_a_field_name_that_is_no_path_and_no_operator_and_comes_back_unchanged() {
        StatisticsCell cell = new StatisticsCell("$office.1|%2E", "131121", "SIGN", "ISSUED", "-");

        assertThat(cell.key()).doesNotContain(".").doesNotStartWith("$");
        assertThat(StatisticsCell.of(cell.key())).isEqualTo(cell);
    }

    @Test
    void empty_values_keep_their_place() {
        StatisticsCell cell = new StatisticsCell("", "", "AUTH", "REVOKED", "");

        assertThat(StatisticsCell.of(cell.key())).isEqualTo(cell);
    }
}
