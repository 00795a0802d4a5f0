package jp.jpki.lifecycle.command.counter;

/**
 * Certificates for a resident registered in another municipality were asked for: the counter may only apply
 * for its own residents. Unlike a command on an existing pair elsewhere, this reveals nothing the caller did not
 * send, so it is answered as forbidden rather than as an unknown pair.
 */
class HolderOutsideJurisdictionException extends RuntimeException {
    HolderOutsideJurisdictionException() {
        super("the holder is a resident of another municipality; certificates are applied for where the resident is registered");
    }
}
