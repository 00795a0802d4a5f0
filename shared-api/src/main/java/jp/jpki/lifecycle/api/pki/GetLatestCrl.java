package jp.jpki.lifecycle.api.pki;

import jp.jpki.lifecycle.api.pair.CertificateKind;

/**
 * The last CRL the CA of one kind signed, for a read model that cannot vouch for a new one yet (while it
 * rebuilds). Answered with an optional {@link SignedCrl}: empty before the first CRL.
 */
public record GetLatestCrl(CertificateKind kind) {
}
