package jp.jpki.lifecycle.command.pair;

/**
 * Staff act only for residents of their own municipality: the certificates are applied for where the
 * resident is registered, and a counter elsewhere has no business reading or changing them.
 */
public class OutsideJurisdictionException extends RuntimeException {
    public OutsideJurisdictionException() {
        super("this certificate pair belongs to a resident of another municipality");
    }
}
