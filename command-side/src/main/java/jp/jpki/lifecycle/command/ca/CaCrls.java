package jp.jpki.lifecycle.command.ca;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pki.SignedCrl;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The CRL number and the last CRL of each CA, in the CA's database beside its ledger but never cleared with it:
 * numbers only grow (RFC 5280 section 5.2.3), across restarts and rebuilds of any record, and the last CRL is
 * there to serve while no new one can be vouched for.
 */
class CaCrls {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    CaCrls(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The next number for this CA's CRL, taken for good (a CRL that then fails to sign leaves a gap, never a
     * repeat). The first number is the clock's epoch second, so numbering continues above whatever an earlier
     * installation, which kept its counter elsewhere, published.
     */
    long next(CertificateKind kind) {
        if (jdbc.update("UPDATE ca_crl SET crl_number = crl_number + 1 WHERE kind = ?", kind.name()) == 0) {
            jdbc.update("INSERT INTO ca_crl (kind, crl_number) VALUES (?, ?)", kind.name(), clock.instant().getEpochSecond());
        }
        return jdbc.queryForObject("SELECT crl_number FROM ca_crl WHERE kind = ?", Long.class, kind.name());
    }

    void signed(CertificateKind kind, long number, Instant nextUpdate, byte[] der) {
        jdbc.update("UPDATE ca_crl SET next_update = ?, der = ? WHERE kind = ? AND crl_number = ?",
                nextUpdate.toEpochMilli(), der, kind.name(), number);
    }

    Optional<SignedCrl> latest(CertificateKind kind) {
        List<SignedCrl> crls = jdbc.query("SELECT der, crl_number, next_update FROM ca_crl WHERE kind = ? AND der IS NOT NULL",
                (row, n) -> new SignedCrl(Base64.getEncoder().encodeToString(row.getBytes(1)), row.getLong(2),
                        Instant.ofEpochMilli(row.getLong(3))), kind.name());
        return crls.stream().findFirst();
    }
}
