package jp.jpki.lifecycle.api.secrets;

import java.util.Locale;
import java.util.Set;

/**
 * A keystore password as configured, refused at start when it is blank or one that is published (the demo's or a
 * placeholder), unless the demo profile is active: there a blank password means the published demo one.
 */
public final class KeystorePassword {

    /** The Spring profile under which demo users, PINs, clock and passwords exist. */
    public static final String DEMO_PROFILE = "demo";

    private static final Set<String> PUBLISHED = Set.of("change-me", "changeit", "changeme", "password", "secret", "demo");

    private KeystorePassword() {
    }

    /**
     * @param property    the setting's name, for the message that refuses the start
     * @param demoDefault the demo's published password, used when the demo profile is on and nothing is set
     */
    public static char[] resolve(String configured, boolean demo, String property, String demoDefault) {
        boolean blank = configured == null || configured.isBlank();
        if (demo) {
            return (blank ? demoDefault : configured).toCharArray();
        }
        if (blank || configured.equals(demoDefault) || PUBLISHED.contains(configured.toLowerCase(Locale.ROOT))) {
            throw new IllegalStateException(property + " is " + (blank ? "not set" : "a published default")
                    + ": set a password of your own (outside the '" + DEMO_PROFILE + "' profile there is no default)");
        }
        return configured.toCharArray();
    }
}
