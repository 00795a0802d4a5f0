package jp.jpki.lifecycle.api.pair;

/** The two certificates of a pair. */
public enum CertificateKind {
    /** 署名用電子証明書: proves a document was made by the holder; carries the four basic items. */
    SIGN,
    /** 利用者証明用電子証明書: proves the person logging in is the holder; carries no personal data. */
    AUTH
}
