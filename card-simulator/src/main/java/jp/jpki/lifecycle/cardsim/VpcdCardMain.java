package jp.jpki.lifecycle.cardsim;

import java.nio.file.Path;
import java.security.SecureRandom;
import jp.jpki.lifecycle.card.jpki.IssuerKey;
import jp.jpki.lifecycle.card.terminal.IssuerKeyFile;

/**
 * Serves one virtual card to the system pcscd's vpcd reader ("Virtual PCD 00 00"), for trying the PC/SC path by
 * hand (README): {@code VpcdCardMain <cardsDir> <cardId> <issuerKeyFile> [port]}. The card file and the issuer key
 * are created when missing, exactly as the embedded default would.
 */
public final class VpcdCardMain {

    private VpcdCardMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 3) {
            System.err.println("usage: VpcdCardMain <cardsDir> <cardId> <issuerKeyFile> [vpcdPort]");
            System.exit(2);
        }
        IssuerKey issuer = IssuerKeyFile.loadOrCreate(Path.of(args[2]));
        VirtualJpkiCard card = new VirtualCards(Path.of(args[0]), issuer.publicKey(), new SecureRandom()).card(args[1]);
        int port = args.length > 3 ? Integer.parseInt(args[3]) : VpcdConnector.DEFAULT_PORT;
        try (VpcdConnector connector = new VpcdConnector(card, "127.0.0.1", port).start()) {
            System.out.println("card " + card.cardId() + " is in the vpcd reader on port " + port + "; Ctrl-C to remove it");
            Thread.currentThread().join();
        }
    }
}
