package jp.jpki.lifecycle.api.query;

/**
 * The status of one certificate by its serial, whichever pair it belongs to and whether or not it is the pair's
 * current one; answered with an optional {@link SerialStatusView}.
 */
public record FindSerialStatus(String serialHex) {
}
