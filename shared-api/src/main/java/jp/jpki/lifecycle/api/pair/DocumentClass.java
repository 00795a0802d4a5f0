package jp.jpki.lifecycle.api.pair;

/** Identity-document classes (R-PRC-4); which combinations suffice is policy (R-PRC-4). */
public enum DocumentClass {
    /** 住民基本台帳カード, マイナンバーカード. */
    S,
    /** Driving licence, passport, residence card and similar photo IDs. */
    A,
    /** Other public photo IDs. */
    B,
    /** Non-photo documents showing name with date of birth or address. */
    C,
    /** Temporary certificates and similar. */
    D
}
