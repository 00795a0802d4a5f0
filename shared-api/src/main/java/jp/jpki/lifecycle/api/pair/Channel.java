package jp.jpki.lifecycle.api.pair;

/** Where a command came from; travels as event metadata. */
public enum Channel {
    COUNTER, KIOSK, CALL_CENTRE, SYSTEM
}
