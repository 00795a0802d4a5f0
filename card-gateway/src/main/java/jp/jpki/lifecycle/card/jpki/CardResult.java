package jp.jpki.lifecycle.card.jpki;

import javax.smartcardio.ResponseAPDU;

/**
 * What the card answered, typed by status word (R-PIN-6). {@code 63C0}, {@code 6983} and
 * {@code 6984} all mean a blocked PIN; {@code 63Cx} with x &gt; 0 a wrong PIN with x tries left.
 */
public sealed interface CardResult {

    /** VERIFY accepted the PIN. */
    record Verified() implements CardResult {
    }

    /** Any other command succeeded; {@code data} is the response body (may be empty). */
    record Done(byte[] data) implements CardResult {
    }

    record WrongPin(int triesLeft) implements CardResult {
    }

    record Blocked() implements CardResult {
    }

    /** The access condition is not met: PIN not verified, or issuer not authenticated. */
    record SecurityNotSatisfied() implements CardResult {
    }

    record FileNotFound() implements CardResult {
    }

    /** Every other refusal, kept with its status word for the failure reason. */
    record Refused(int statusWord) implements CardResult {
        @Override
        public String toString() {
            return "Refused[" + StatusWord.hex(statusWord) + "]";
        }
    }

    default boolean isSuccess() {
        return this instanceof Verified || this instanceof Done;
    }

    /** The response body of a successful command; a refusal becomes a {@link CardRefusedException}. */
    default byte[] dataOrThrow(String operation) {
        if (this instanceof Done done) {
            return done.data();
        }
        if (this instanceof Verified) {
            return new byte[0];
        }
        throw new CardRefusedException(operation, this);
    }

    static CardResult of(ResponseAPDU response) {
        return of(response.getSW(), response.getData(), false);
    }

    static CardResult ofVerify(ResponseAPDU response) {
        return of(response.getSW(), response.getData(), true);
    }

    private static CardResult of(int sw, byte[] data, boolean verify) {
        if (sw == StatusWord.OK) {
            return verify ? new Verified() : new Done(data);
        }
        if (sw == StatusWord.END_OF_FILE && !verify) {
            return new Done(data); // a warning: fewer bytes than asked for, because the file ends
        }
        if ((sw & 0xFFF0) == StatusWord.WRONG_PIN) {
            int tries = sw & 0x0F;
            return tries == 0 ? new Blocked() : new WrongPin(tries);
        }
        return switch (sw) {
            case StatusWord.AUTHENTICATION_BLOCKED, StatusWord.REFERENCE_DATA_BLOCKED -> new Blocked();
            case StatusWord.SECURITY_NOT_SATISFIED -> new SecurityNotSatisfied();
            case StatusWord.FILE_NOT_FOUND -> new FileNotFound();
            default -> new Refused(sw);
        };
    }
}
