package jp.jpki.lifecycle.api.pki;

import java.util.List;
import jp.jpki.lifecycle.api.pair.CertificateKind;

/**
 * Asks the CA of one kind to sign a CRL listing these revoked and held certificates (R-REV-6). The CA signs only
 * a list equal to its own record of what it revoked and held; it sets the CRL number and the dates itself.
 * Answered with a {@link SignedCrl}.
 */
public record SignCrl(CertificateKind kind, List<CrlEntry> entries) {
    public SignCrl {
        entries = List.copyOf(entries);
    }
}
