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
        // The same shapes the counter accepts when it records them; anything else can never match.
        if (residentRef != null && residentRef.length() > 64) {
            throw new IllegalArgumentException("residentRef has at most 64 characters");
        }
        if (cardId != null && !cardId.matches("[A-Za-z0-9-]{4,64}")) {
            throw new IllegalArgumentException("cardId is 4-64 characters of A-Z, a-z, 0-9 or '-'");
        }
        if (serialHex != null && !serialHex.matches("[0-9a-fA-F]{1,40}")) {
            throw new IllegalArgumentException("serial is 1-40 hexadecimal digits (RFC 5280 allows at most 20 octets)");
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
