package jp.jpki.lifecycle.cardsim;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Properties;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.card.jpki.JpkiFile;
import jp.jpki.lifecycle.api.secrets.OwnerOnlyFiles;

/**
 * One virtual card's persistent state in one file ({@code <cardId>.card}), rewritten atomically after every
 * change, so a retry counter that dropped survives a crash as it survives a power cut on a real card. The
 * file plays the card's EEPROM: it holds the private keys, and PINs only as salted hashes, so it is
 * owner-only in an owner-only directory ({@link OwnerOnlyFiles}).
 */
final class CardStateFile {

    private static final String FORMAT = "jpki-virtual-card-1";
    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private CardStateFile() {
    }

    static void save(CardState state, Path file) {
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("cardId", state.cardId());
        p.setProperty("issuerKey", B64.encodeToString(state.issuerKey().getEncoded()));
        state.contents().forEach((ef, bytes) -> p.setProperty("ef." + ef.name(), B64.encodeToString(bytes)));
        for (CertificateKind kind : CertificateKind.values()) {
            KeyPair key = state.key(kind);
            if (key != null) {
                p.setProperty("key." + kind + ".private", B64.encodeToString(key.getPrivate().getEncoded()));
                p.setProperty("key." + kind + ".public", B64.encodeToString(key.getPublic().getEncoded()));
            }
            PinRecord pin = state.pin(kind);
            if (pin != null) {
                p.setProperty("pin." + kind + ".salt", B64.encodeToString(pin.salt()));
                p.setProperty("pin." + kind + ".hash", B64.encodeToString(pin.hash()));
                p.setProperty("pin." + kind + ".tries", Integer.toString(pin.triesLeft()));
            }
        }
        try {
            StringWriter out = new StringWriter();
            p.store(out, "virtual JPKI card");
            OwnerOnlyFiles.write(file, out.toString().getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save virtual card " + state.cardId(), e);
        }
    }

    static CardState load(Path file) {
        Properties p = new Properties();
        try {
            OwnerOnlyFiles.restrict(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make virtual card " + file + " owner-only", e);
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read virtual card " + file, e);
        }
        if (!FORMAT.equals(p.getProperty("format"))) {
            throw new IllegalStateException(file + " is not a " + FORMAT + " file");
        }
        try {
            KeyFactory ec = KeyFactory.getInstance("EC");
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            CardState state = new CardState(p.getProperty("cardId"),
                    ec.generatePublic(new X509EncodedKeySpec(B64D.decode(p.getProperty("issuerKey")))));
            for (JpkiFile ef : JpkiFile.values()) {
                String content = p.getProperty("ef." + ef.name());
                if (content != null) {
                    state.setContent(ef, B64D.decode(content));
                }
            }
            for (CertificateKind kind : CertificateKind.values()) {
                String privateKey = p.getProperty("key." + kind + ".private");
                if (privateKey != null) {
                    state.setKey(kind, new KeyPair(
                            rsa.generatePublic(new X509EncodedKeySpec(B64D.decode(p.getProperty("key." + kind + ".public")))),
                            rsa.generatePrivate(new PKCS8EncodedKeySpec(B64D.decode(privateKey)))));
                }
                String salt = p.getProperty("pin." + kind + ".salt");
                if (salt != null) {
                    state.setPin(kind, new PinRecord(B64D.decode(salt), B64D.decode(p.getProperty("pin." + kind + ".hash")),
                            Integer.parseInt(p.getProperty("pin." + kind + ".tries"))));
                }
            }
            return state;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("virtual card file " + file + " is damaged", e);
        }
    }
}
