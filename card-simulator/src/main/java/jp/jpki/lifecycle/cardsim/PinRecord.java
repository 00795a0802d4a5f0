package jp.jpki.lifecycle.cardsim;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import jp.jpki.lifecycle.api.pair.CertificateKind;

/**
 * One PIN on the virtual card: a salted hash (the card file never holds the PIN itself) and the retry counter,
 * which only a correct entry or a reset restores (R-PIN-2).
 */
record PinRecord(byte[] salt, byte[] hash, int triesLeft) {

    static int maxTries(CertificateKind kind) {
        return kind == CertificateKind.SIGN ? 5 : 3;
    }

    static PinRecord set(CertificateKind kind, byte[] pin, SecureRandom random) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return new PinRecord(salt, hash(salt, pin), maxTries(kind));
    }

    boolean blocked() {
        return triesLeft == 0;
    }

    boolean matches(byte[] pin) {
        return MessageDigest.isEqual(hash, hash(salt, pin));
    }

    PinRecord afterWrongEntry() {
        return new PinRecord(salt, hash, Math.max(0, triesLeft - 1));
    }

    PinRecord afterRightEntry(CertificateKind kind) {
        return new PinRecord(salt, hash, maxTries(kind));
    }

    private static byte[] hash(byte[] salt, byte[] pin) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            return sha256.digest(pin);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
