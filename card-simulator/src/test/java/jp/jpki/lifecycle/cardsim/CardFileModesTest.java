package jp.jpki.lifecycle.cardsim;

import static jp.jpki.lifecycle.api.pair.CertificateKind.AUTH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.stream.Stream;
import jp.jpki.lifecycle.card.jpki.IssuerChannel;
import jp.jpki.lifecycle.card.jpki.IssuerKey;
import jp.jpki.lifecycle.card.jpki.Pin;
import jp.jpki.lifecycle.card.terminal.CardConnection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A virtual card's file holds its private keys and PIN hashes: owner-only, like the EEPROM it plays. */
class CardFileModesTest {

    private static final IssuerKey ISSUER = IssuerKey.generate();

    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "file modes need a POSIX file system");
    }

    @Test
    @DisplayName("R-REST-1: card files are 0600 in a 0700 directory, after every change, with no temporary file left")
    void card_files_are_owner_only() throws Exception {
        Path cards = dir.resolve("data/cards");
        InProcessCardReader reader = new InProcessCardReader(new VirtualCards(cards, ISSUER.publicKey(), new SecureRandom()));
        try (CardConnection connection = reader.connect("CARD-M1")) {
            IssuerChannel issuer = IssuerChannel.open(connection, ISSUER);
            issuer.generateKeyPair(AUTH);
            try (Pin pin = Pin.chosen(AUTH, "4711")) {
                issuer.resetPin(AUTH, pin);
            }
        }
        assertThat(mode(cards.resolve("CARD-M1.card"))).isEqualTo("rw-------");
        assertThat(mode(cards)).isEqualTo("rwx------");
        assertThat(mode(cards.getParent())).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(cards)) {
            assertThat(files).containsExactly(cards.resolve("CARD-M1.card"));
        }
    }

    @Test
    @DisplayName("R-REST-1: a card file found readable by others is narrowed to 0600 when the card is loaded")
    void a_wider_card_file_is_narrowed() throws Exception {
        Path cards = dir.resolve("cards");
        new VirtualCards(cards, ISSUER.publicKey(), new SecureRandom()).card("CARD-M2");
        Path file = cards.resolve("CARD-M2.card");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        new VirtualCards(cards, ISSUER.publicKey(), new SecureRandom()).card("CARD-M2");
        assertThat(mode(file)).isEqualTo("rw-------");
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
