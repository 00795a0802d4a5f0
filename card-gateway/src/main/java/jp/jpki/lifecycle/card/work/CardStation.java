package jp.jpki.lifecycle.card.work;

import jp.jpki.lifecycle.api.card.CardPinReset;
import jp.jpki.lifecycle.api.card.CardPublicKeys;
import jp.jpki.lifecycle.api.card.CertificatesOnCard;
import jp.jpki.lifecycle.api.card.GenerateKeysOnCard;
import jp.jpki.lifecycle.api.card.ResetPinOnCard;
import jp.jpki.lifecycle.api.card.WriteCertificatesToCard;

/** The card reader and PIN pad of one counter terminal, as the terminal agent uses them. */
public interface CardStation {

    String terminalId();

    CardPublicKeys generateKeys(GenerateKeysOnCard order);

    /**
     * Checks that each certificate's public key is the key this card holds for its kind, then writes, reads back
     * and compares; throws, before writing anything, for a certificate over another key (R-CRD-5), and when the
     * card does not hold exactly these bytes afterwards.
     */
    CertificatesOnCard writeCertificates(WriteCertificatesToCard order);

    CardPinReset resetPin(ResetPinOnCard order);
}
