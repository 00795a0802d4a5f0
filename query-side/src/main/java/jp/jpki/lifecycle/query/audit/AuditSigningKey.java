package jp.jpki.lifecycle.query.audit;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import jp.jpki.lifecycle.api.secrets.OwnerOnlyFiles;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The key that signs audit exports, kept by the query side in a PKCS#12 file created on first start. It is not
 * the CA's: an export proves what this system recorded, not who holds a certificate. The file and its directory
 * are the service user's alone (0600, 0700), written in one step.
 */
final class AuditSigningKey {

    private static final String ALIAS = "audit-export";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private AuditSigningKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    static AuditSigningKey openOrCreate(Path file, char[] password, Clock clock) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            if (Files.exists(file)) {
                OwnerOnlyFiles.restrict(file);
                try (InputStream in = Files.newInputStream(file)) {
                    store.load(in, password);
                }
            } else {
                store.load(null, password);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair keys = generator.generateKeyPair();
                store.setKeyEntry(ALIAS, keys.getPrivate(), password, new Certificate[] {selfSigned(keys, clock.instant())});
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                store.store(bytes, password);
                OwnerOnlyFiles.write(file, bytes.toByteArray());
            }
            return new AuditSigningKey((PrivateKey) store.getKey(ALIAS, password), store.getCertificate(ALIAS).getPublicKey());
        } catch (IOException | java.security.GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("cannot open or create the audit signing key at " + file, e);
        }
    }

    private static X509Certificate selfSigned(KeyPair keys, Instant now)
            throws org.bouncycastle.operator.OperatorCreationException, java.security.cert.CertificateException {
        X500Name name = new X500Name("C=JP, O=jpki-lifecycle, OU=audit export signing");
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.getEpochSecond()),
                Date.from(now), Date.from(now.plus(3650, ChronoUnit.DAYS)), name, keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    PublicKey publicKey() {
        return publicKey;
    }
}
