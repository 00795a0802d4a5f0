package jp.jpki.lifecycle.command.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.command.rules.RuleViolationException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class JdbcPairRegisterTest {

    private static final PairRegister.ResidentKey RESIDENT = new PairRegister.ResidentKey("131121", "R-1");

    private JdbcDataSource dataSource;
    private JdbcPairRegister register;
    private TransactionTemplate transaction;

    @BeforeEach
    void database() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:register-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        new JdbcTemplate(dataSource).execute(
                "CREATE TABLE pair_claims (claim_key VARCHAR(400) NOT NULL PRIMARY KEY, pair_id VARCHAR(255) NOT NULL)");
        register = new JdbcPairRegister(dataSource);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Test
    @DisplayName("R-ONE-1: a card claimed by one pair is refused to another, naming the first")
    void cardRefusedToAnotherPair() {
        claim("pair-000a", "CARD-1", RESIDENT);
        assertThatThrownBy(() -> claim("pair-000b", "CARD-1", new PairRegister.ResidentKey("131121", "R-2")))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.ruleId()).isEqualTo("R-ONE-1");
                    assertThat(e.refusal().facts()).containsEntry("existingPairId", "pair-000a");
                });
    }

    @Test
    @DisplayName("R-ONE-2: a resident claimed by one pair is refused to another on a new card; the pair itself may move")
    void residentRefusedToAnotherPair() {
        claim("pair-000a", "CARD-1", RESIDENT);
        assertThatThrownBy(() -> claim("pair-000b", "CARD-2", RESIDENT))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.ruleId()).isEqualTo("R-ONE-2"));
        claim("pair-000a", "CARD-2", RESIDENT);
        assertThat(owner("card:CARD-1")).as("the old card stays with its pair").isEqualTo("pair-000a");
        assertThat(owner("card:CARD-2")).isEqualTo("pair-000a");
    }

    @Test
    @DisplayName("R-ONE-1: a claim is rolled back with its command, and is never written outside a transaction")
    void onlyWithTheCommand() {
        transaction.executeWithoutResult(status -> {
            register.claim(new PairId("pair-000a"), "CARD-1", RESIDENT);
            status.setRollbackOnly();
        });
        assertThat(owner("card:CARD-1")).isNull();
        assertThatThrownBy(() -> register.claim(new PairId("pair-000a"), "CARD-1", RESIDENT))
                .isInstanceOf(IllegalStateException.class);
    }

    private void claim(String pairId, String cardId, PairRegister.ResidentKey resident) {
        transaction.executeWithoutResult(status -> register.claim(new PairId(pairId), cardId, resident));
    }

    private String owner(String key) {
        return new JdbcTemplate(dataSource).queryForList("SELECT pair_id FROM pair_claims WHERE claim_key = ?", String.class, key)
                .stream().findFirst().orElse(null);
    }
}
