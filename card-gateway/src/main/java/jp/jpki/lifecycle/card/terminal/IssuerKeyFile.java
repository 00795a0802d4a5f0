package jp.jpki.lifecycle.card.terminal;

import jp.jpki.lifecycle.api.secrets.OwnerOnlyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.jpki.lifecycle.card.jpki.IssuerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The issuer key as a PEM file (PKCS#8 private key, then the SubjectPublicKeyInfo), readable by the owner
 * only and written atomically ({@link OwnerOnlyFiles}). The embedded default creates it on first start; cards personalised afterwards trust it. A production
 * gateway would keep the private key in an HSM instead (docs/card-protocol.md, "Key handling").
 */
public final class IssuerKeyFile {

    private static final Logger log = LoggerFactory.getLogger(IssuerKeyFile.class);
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private IssuerKeyFile() {
    }

    public static IssuerKey loadOrCreate(Path file) {
        if (Files.exists(file)) {
            return load(file);
        }
        IssuerKey key = IssuerKey.generate();
        save(key, file);
        log.warn("created a new card-issuer key at {}: only cards personalised with it accept issuance commands", file);
        return key;
    }

    public static void save(IssuerKey key, Path file) {
        String pem = pem("PRIVATE KEY", key.privateKeyEncoded()) + pem("PUBLIC KEY", key.publicKey().getEncoded());
        try {
            OwnerOnlyFiles.write(file, pem.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the issuer key to " + file, e);
        }
    }

    public static IssuerKey load(Path file) {
        try {
            if (OwnerOnlyFiles.restrict(file)) {
                log.warn("the issuer key {} was readable by others; it is now owner-only (R-REST-1)", file);
            }
            Matcher blocks = PEM.matcher(Files.readString(file, StandardCharsets.US_ASCII));
            byte[] privateKey = null;
            byte[] publicKey = null;
            while (blocks.find()) {
                byte[] der = Base64.getMimeDecoder().decode(blocks.group(2));
                if (blocks.group(1).equals("PRIVATE KEY")) {
                    privateKey = der;
                } else if (blocks.group(1).equals("PUBLIC KEY")) {
                    publicKey = der;
                }
            }
            if (privateKey == null || publicKey == null) {
                throw new IllegalStateException(file + " needs a PRIVATE KEY and a PUBLIC KEY block");
            }
            KeyFactory ec = KeyFactory.getInstance("EC");
            return new IssuerKey(ec.generatePrivate(new PKCS8EncodedKeySpec(privateKey)),
                    ec.generatePublic(new X509EncodedKeySpec(publicKey)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the issuer key " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the issuer key " + file + " is not an EC key pair", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
