package jp.jpki.lifecycle.command.origin;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.jpki.lifecycle.api.issuance.AbandonCardWork;
import jp.jpki.lifecycle.api.issuance.ConfirmCertificatesWritten;
import jp.jpki.lifecycle.api.issuance.RecordCardKeysGenerated;
import jp.jpki.lifecycle.api.issuance.RecordCardWorkFailure;
import jp.jpki.lifecycle.api.pair.MetadataKeys;
import jp.jpki.lifecycle.api.pair.SystemOrigin;
import jp.jpki.lifecycle.api.pin.ConfirmPinReset;
import jp.jpki.lifecycle.api.pin.RecordPinLock;

/**
 * Who may send a command (R-ORG-1): a caller the front door authenticated, named by operator, office and
 * municipality, or one of the system's own components for the commands it exists to send. Anything else is
 * refused: a missing origin means "no".
 */
public final class CommandOrigins {

    private static final Map<SystemOrigin, Set<Class<?>>> ENTITLED = Map.of(
            SystemOrigin.CARD_GATEWAY, Set.of(RecordCardKeysGenerated.class, ConfirmCertificatesWritten.class,
                    RecordCardWorkFailure.class, AbandonCardWork.class, ConfirmPinReset.class, RecordPinLock.class),
            SystemOrigin.QUERY_SIDE, Set.of());

    private CommandOrigins() {
    }

    /** Empty when the command may go on; else why not. */
    public static Optional<String> refusal(Class<?> command, Map<String, ?> metadata) {
        if (caller(metadata)) {
            return Optional.empty();
        }
        Object named = metadata.get(MetadataKeys.ORIGIN);
        if (named == null) {
            return Optional.of(command.getSimpleName() + " names no authenticated caller (operator, office, municipality) "
                    + "and no system origin");
        }
        Optional<SystemOrigin> origin = systemOrigin(named);
        if (origin.isEmpty()) {
            return Optional.of(command.getSimpleName() + " names an unknown origin");
        }
        if (!ENTITLED.get(origin.get()).contains(command)) {
            return Optional.of(origin.get() + " may not send " + command.getSimpleName() + " on its own");
        }
        return Optional.empty();
    }

    /** Whether the metadata names the authenticated caller whole: operator, office and municipality. */
    public static boolean caller(Map<String, ?> metadata) {
        return present(metadata.get(MetadataKeys.OPERATOR)) && present(metadata.get(MetadataKeys.OFFICE))
                && present(metadata.get(MetadataKeys.MUNICIPALITY));
    }

    /** Whether the metadata names one of the system's own components. */
    public static boolean systemOrigin(Map<String, ?> metadata) {
        return systemOrigin(metadata.get(MetadataKeys.ORIGIN)).isPresent();
    }

    private static Optional<SystemOrigin> systemOrigin(Object named) {
        for (SystemOrigin origin : SystemOrigin.values()) {
            if (origin.name().equals(named)) {
                return Optional.of(origin);
            }
        }
        return Optional.empty();
    }

    private static boolean present(Object value) {
        return value instanceof String text && !text.isBlank();
    }
}
