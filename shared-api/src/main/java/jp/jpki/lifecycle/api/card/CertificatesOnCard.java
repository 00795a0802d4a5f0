package jp.jpki.lifecycle.api.card;

import java.util.List;

/**
 * The terminal's answer to {@link WriteCertificatesToCard}: these certificates are on the card, read back
 * identical, and each one's public key is the key the card holds for its kind.
 *
 * @param cardId  the id the card in the reader reported about itself
 * @param serials serial number (hex) of each certificate written
 */
public record CertificatesOnCard(String cardId, List<String> serials) {
    public CertificatesOnCard {
        serials = List.copyOf(serials);
    }
}
