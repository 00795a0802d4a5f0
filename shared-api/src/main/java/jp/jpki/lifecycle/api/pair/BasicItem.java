package jp.jpki.lifecycle.api.pair;

/** One of the four basic items whose change revokes SIGN (R-REV-2). */
public enum BasicItem {
    NAME, ADDRESS, DATE_OF_BIRTH, SEX
}
