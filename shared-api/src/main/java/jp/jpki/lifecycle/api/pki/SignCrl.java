package jp.jpki.lifecycle.api.pki;

import java.time.Instant;
import java.util.List;
import jp.jpki.lifecycle.api.pair.CertificateKind;

/**
 * Asks the CA of one kind to sign a CRL with these entries (R-REV-6). The revocation status lives in the
 * read model; the signing key stays with the CA. Answered with a {@link SignedCrl}.
 */
public record SignCrl(CertificateKind kind, long crlNumber, Instant thisUpdate, Instant nextUpdate, List<CrlEntry> entries) {
    public SignCrl {
        entries = List.copyOf(entries);
    }
}
