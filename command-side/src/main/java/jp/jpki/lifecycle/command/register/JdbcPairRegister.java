package jp.jpki.lifecycle.command.register;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.command.pair.StateConflictException;
import jp.jpki.lifecycle.command.rules.Decision;
import jp.jpki.lifecycle.command.rules.RuleViolationException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The register as rows of {@code pair_claims}, whose primary key is the claimed card or resident. The row is
 * inserted on the connection of the command's unit of work: in the embedded default the events are appended in
 * that same transaction, so a claim exists exactly when its issuance was recorded. Two commands claiming one key at
 * once meet at the primary key: the database makes the second wait for the first and then refuses it, whatever
 * JVM either runs in; there is no read-then-write window to race through.
 *
 * <p>In the distributed deployment the events go to Axon Server, not to this database. The claim still commits with
 * the command's unit of work, whose JDBC transaction is attached before the events are appended; a failure between
 * the two commits can leave a claim without its issuance (a later issuance on another pair is refused, and the clerk
 * continues on the named pair), not an issuance without its claim.
 */
public class JdbcPairRegister implements PairRegister {

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    public JdbcPairRegister(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void claim(PairId pairId, String cardId, ResidentKey resident) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // Fails closed: a claim outside the command's transaction could outlive a command that was rolled back.
            throw new IllegalStateException("the pair register is written only inside a command's transaction");
        }
        claimKey("card:" + cardId, pairId, "R-ONE-1", "card " + cardId + " already carries pair ");
        claimKey(resident.key(), pairId, "R-ONE-2", "this resident already has pair ");
    }

    private void claimKey(String key, PairId pairId, String ruleId, String refusal) {
        Optional<String> owner = ownerOf(key);
        if (owner.isPresent()) {
            refuseUnlessOwn(owner.get(), pairId, ruleId, refusal);
            return;
        }
        try {
            jdbc.update("INSERT INTO pair_claims (claim_key, pair_id) VALUES (?, ?)", key, pairId.value());
        } catch (DataIntegrityViolationException | TransientDataAccessException e) {
            // Another command claimed the key between our read and our insert. This transaction cannot read on after
            // a failed statement (PostgreSQL), so the winner is looked up on a connection of its own.
            Optional<String> winner = committedOwnerOf(key);
            if (winner.isPresent() && !winner.get().equals(pairId.value())) {
                refuseUnlessOwn(winner.get(), pairId, ruleId, refusal);
            }
            throw new StateConflictException(ruleId + ": another issuance for the same "
                    + (ruleId.equals("R-ONE-1") ? "card" : "resident") + " is being recorded at this moment; "
                    + "look the pair up and continue on it");
        }
    }

    private Optional<String> committedOwnerOf(String key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT pair_id FROM pair_claims WHERE claim_key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    private Optional<String> ownerOf(String key) {
        List<String> owners = jdbc.queryForList("SELECT pair_id FROM pair_claims WHERE claim_key = ?", String.class, key);
        return owners.stream().findFirst();
    }

    private static void refuseUnlessOwn(String owner, PairId pairId, String ruleId, String refusal) {
        if (!owner.equals(pairId.value())) {
            throw new RuleViolationException(new Decision.Refused(ruleId,
                    refusal + owner + "; continue on that pair (POST /api/certificate-pairs/" + owner + "/issuances)",
                    Map.of("existingPairId", owner)));
        }
    }
}
