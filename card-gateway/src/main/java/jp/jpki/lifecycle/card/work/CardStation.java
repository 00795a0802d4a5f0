package jp.jpki.lifecycle.card.work;

import jp.jpki.lifecycle.api.card.CardPublicKeys;
import jp.jpki.lifecycle.api.card.GenerateKeysOnCard;
import jp.jpki.lifecycle.api.card.ResetPinOnCard;
import jp.jpki.lifecycle.api.card.WriteCertificatesToCard;

/** The card reader and PIN pad of one counter terminal, as the terminal agent uses them. */
public interface CardStation {

    String terminalId();

    CardPublicKeys generateKeys(GenerateKeysOnCard order);

    /** Writes, reads back and compares; throws when the card does not hold exactly these bytes afterwards. */
    void writeCertificates(WriteCertificatesToCard order);

    void resetPin(ResetPinOnCard order);
}
