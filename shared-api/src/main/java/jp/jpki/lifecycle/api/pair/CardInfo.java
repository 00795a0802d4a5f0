package jp.jpki.lifecycle.api.pair;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The My Number card that carries the pair. Its expiry is derived by the card-expiry rules (R-VAL-6)
 * from these facts, not typed in at the counter.
 *
 * @param cardId                 the card's opaque id (not the individual number)
 * @param applicationReceivedOn  J-LIS's receipt date of the card application (decides the 2022-04-01 rule)
 * @param issuedOn               the card's issue (manufacturing) date
 * @param periodOfStayEnd        在留期間満了日 for foreign residents with a fixed period of stay, else null
 * @param generation             card generation (R-VAL-6)
 * @param faceAuthentication     顔認証マイナンバーカード: no SIGN, no PINs (R-ELG-4)
 */
public record CardInfo(String cardId, LocalDate applicationReceivedOn, LocalDate issuedOn, LocalDate periodOfStayEnd,
                       CardGeneration generation, boolean faceAuthentication) {
    public CardInfo {
        Objects.requireNonNull(cardId, "cardId");
        Objects.requireNonNull(applicationReceivedOn, "applicationReceivedOn");
        Objects.requireNonNull(issuedOn, "issuedOn");
        Objects.requireNonNull(generation, "generation");
    }
}
