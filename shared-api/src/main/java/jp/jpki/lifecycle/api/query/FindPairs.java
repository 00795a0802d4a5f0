package jp.jpki.lifecycle.api.query;

import java.util.Objects;
import java.util.stream.Stream;

/**
 * Counter lookup by exactly one criterion (blank counts as absent); answered with a list of {@link PairView},
 * empty when nothing matches.
 *
 * @param residentRef the municipality's opaque resident reference
 * @param cardId      the card's opaque id
 * @param serialHex   the serial of any certificate ever issued to the pair (current or past)
 */
public record FindPairs(String residentRef, String cardId, String serialHex) {
    public FindPairs {
        residentRef = blankToNull(residentRef);
        cardId = blankToNull(cardId);
        serialHex = blankToNull(serialHex);
        if (Stream.of(residentRef, cardId, serialHex).filter(Objects::nonNull).count() != 1) {
            throw new IllegalArgumentException("give exactly one of residentRef, cardId or serial");
        }
    }

    public static FindPairs byResidentRef(String residentRef) {
        return new FindPairs(residentRef, null, null);
    }

    public static FindPairs byCardId(String cardId) {
        return new FindPairs(null, cardId, null);
    }

    public static FindPairs bySerial(String serialHex) {
        return new FindPairs(null, null, serialHex);
    }

    private static String blankToNull(String criterion) {
        return criterion == null || criterion.isBlank() ? null : criterion;
    }
}
