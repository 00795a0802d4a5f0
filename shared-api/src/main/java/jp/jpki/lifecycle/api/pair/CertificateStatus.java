package jp.jpki.lifecycle.api.pair;

/** Lifecycle status of one certificate (docs/domain.md). A PIN lock is orthogonal (R-PIN-3). */
public enum CertificateStatus {
    NONE, ISSUING, ACTIVE, ON_HOLD, REVOKED, EXPIRED
}
