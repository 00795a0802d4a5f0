package jp.jpki.lifecycle.api.pair;

/** My Number card generations; validity rules are versioned by generation (R-VAL-6). */
public enum CardGeneration {
    /**
     * 住民基本台帳カード, the resident-register card before the My Number card: no certificate has been issued on one
     * since 2015-12-22 and the last ones ended in 2018 (R-ELG-5). Named so the counter can say so.
     */
    RESIDENT_REGISTER_CARD,
    /** 個人番号カード issued since 2016. */
    FIRST,
    /** 次期個人番号カード (planned around FY2028, 10-year certificates). */
    NEXT
}
