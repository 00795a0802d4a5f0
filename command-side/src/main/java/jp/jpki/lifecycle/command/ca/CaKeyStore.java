package jp.jpki.lifecycle.command.ca;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.secrets.OwnerOnlyFiles;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The two CA keys (SIGN, AUTH) in a PKCS#12 file, created with self-signed CA certificates on first start and
 * reloaded afterwards, so certificates issued before a restart still chain to the same CA. The file and its
 * directory are the service user's alone (0600, 0700), written in one step.
 */
public final class CaKeyStore {

    /** One CA: its key and certificate. */
    public record CaMaterial(PrivateKey key, X509Certificate certificate) {
    }

    /**
     * Twice the longest term of a holder's certificate (to the card's expiry, 10 years at most), so certificates
     * issued in the CA's first half are never shortened by the cap on its own end (R-CAS-5).
     */
    static final int CA_YEARS = 20;

    private final Map<CertificateKind, CaMaterial> cas;

    private CaKeyStore(Map<CertificateKind, CaMaterial> cas) {
        this.cas = Map.copyOf(cas);
    }

    public CaMaterial get(CertificateKind kind) {
        return cas.get(kind);
    }

    public static CaKeyStore openOrCreate(Path file, char[] password, Clock clock) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            if (Files.exists(file)) {
                OwnerOnlyFiles.restrict(file);
                try (InputStream in = Files.newInputStream(file)) {
                    store.load(in, password);
                }
            } else {
                store.load(null, password);
                for (CertificateKind kind : CertificateKind.values()) {
                    CaMaterial created = createCa(kind, clock);
                    store.setKeyEntry(alias(kind), created.key(), password, new X509Certificate[]{created.certificate()});
                }
                writeAtomically(store, file, password);
            }
            Map<CertificateKind, CaMaterial> cas = new EnumMap<>(CertificateKind.class);
            for (CertificateKind kind : CertificateKind.values()) {
                cas.put(kind, new CaMaterial((PrivateKey) store.getKey(alias(kind), password),
                        (X509Certificate) store.getCertificate(alias(kind))));
            }
            return new CaKeyStore(cas);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open CA keystore " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open CA keystore " + file, e);
        }
    }

    /** Issuer DNs shaped like J-LIS's (R-CRD-3), marked as this system's own CA, never the real one. */
    static X500Name caName(CertificateKind kind) {
        String purpose = kind == CertificateKind.SIGN ? "JPKI for digital signature" : "JPKI for user authentication";
        return new X500Name("C=JP, O=JPKI, OU=" + purpose + ", OU=jpki-lifecycle (not J-LIS)");
    }

    private static String alias(CertificateKind kind) {
        return kind.name().toLowerCase() + "-ca";
    }

    private static CaMaterial createCa(CertificateKind kind, Clock clock) throws GeneralSecurityException, IOException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, new SecureRandom());
        KeyPair keys = generator.generateKeyPair();
        ZonedDateTime now = ZonedDateTime.now(clock);
        X500Name name = caName(kind);
        var builder = new JcaX509v3CertificateBuilder(name, new BigInteger(127, new SecureRandom()).add(BigInteger.ONE),
                Date.from(now.toInstant()), Date.from(now.plusYears(CA_YEARS).toInstant()), name, keys.getPublic());
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
        try {
            var signer = new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate());
            return new CaMaterial(keys.getPrivate(), new JcaX509CertificateConverter().getCertificate(builder.build(signer)));
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static void writeAtomically(KeyStore store, Path file, char[] password) throws IOException, GeneralSecurityException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        store.store(bytes, password);
        OwnerOnlyFiles.write(file, bytes.toByteArray());
    }
}
