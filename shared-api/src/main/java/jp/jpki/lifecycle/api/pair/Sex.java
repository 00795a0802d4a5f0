package jp.jpki.lifecycle.api.pair;

/** Sex as recorded in the resident register (one of the four basic items). */
public enum Sex {
    MALE, FEMALE
}
