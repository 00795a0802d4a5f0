package jp.jpki.lifecycle.api.pair;

/** Who stands at the counter (R-ELG-3, R-PRC-1..3). */
public enum ApplicantType {
    /** 本人. */
    RESIDENT,
    /** 法定代理人: 親権者 for under-15s, 成年後見人 for adult wards. */
    LEGAL_REPRESENTATIVE,
    /** 任意代理人. */
    VOLUNTARY_PROXY,
    /** 同一世帯員 acting as a proxy. */
    SAME_HOUSEHOLD_MEMBER
}
