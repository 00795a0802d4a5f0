package jp.jpki.lifecycle.api.pair;

/** My Number card generations; validity rules are versioned by generation (R-VAL-6). */
public enum CardGeneration {
    /** 個人番号カード issued since 2016. */
    FIRST,
    /** 次期個人番号カード (planned around FY2028, 10-year certificates). */
    NEXT
}
