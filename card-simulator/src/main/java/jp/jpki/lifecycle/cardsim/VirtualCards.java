package jp.jpki.lifecycle.cardsim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The virtual cards of one data directory, one file each ({@code <dir>/<cardId>.card}). A card id seen for the
 * first time gets a blank card, personalised with the issuer's public key as a card vendor would do.
 */
public final class VirtualCards {

    private static final String CARD_ID = "[A-Za-z0-9-]{1,64}";

    private final Path directory;
    private final PublicKey issuerKey;
    private final SecureRandom random;
    private final Map<String, VirtualJpkiCard> open = new ConcurrentHashMap<>();

    public VirtualCards(Path directory, PublicKey issuerKey, SecureRandom random) {
        this.directory = directory;
        this.issuerKey = issuerKey;
        this.random = random;
    }

    public VirtualJpkiCard card(String cardId) {
        if (cardId == null || !cardId.matches(CARD_ID)) {
            throw new IllegalArgumentException("a card id is 1-64 characters of A-Z, a-z, 0-9 or '-'");
        }
        return open.computeIfAbsent(cardId, this::loadOrManufacture);
    }

    private VirtualJpkiCard loadOrManufacture(String cardId) {
        Path file = directory.resolve(cardId + ".card");
        CardState state;
        if (Files.exists(file)) {
            state = CardStateFile.load(file);
        } else {
            state = new CardState(cardId, issuerKey);
            CardStateFile.save(state, file);
        }
        return new VirtualJpkiCard(state, changed -> CardStateFile.save(changed, file), random);
    }
}
