package jp.jpki.lifecycle.bench.history;

import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import jp.jpki.lifecycle.api.pair.BasicFourItems;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.IssuedCertificate;
import jp.jpki.lifecycle.api.pair.Sex;
import jp.jpki.lifecycle.command.ca.CaKeyStore;
import jp.jpki.lifecycle.command.ca.CertificateAuthority;

/**
 * One real certificate per kind, signed by the data directory's own CA, whose DER every generated certificate
 * reuses under its own serial and validity. Signing a million pairs for real would take hours of RSA on this
 * machine; nothing reads the stored DER back except the card-work saga, which only writes certificates it just
 * signed, so the projections and the aggregate see the same fields they would in production.
 */
final class CertificateTemplates {

    static final String CA_PASSWORD = "embedded-demo-only";

    private final Map<CertificateKind, String> derBase64 = new EnumMap<>(CertificateKind.class);
    private final String publicKeyBase64;

    CertificateTemplates(Path caKeystore, Clock clock) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            publicKeyBase64 = Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        CertificateAuthority ca = new CertificateAuthority(CaKeyStore.openOrCreate(caKeystore, CA_PASSWORD.toCharArray(), clock),
                clock, new SecureRandom(), "http://localhost:8080");
        LocalDate notAfter = LocalDate.now(clock).plusYears(5);
        BasicFourItems template = new BasicFourItems("Template Resident", "Template Address 1-1", LocalDate.of(1980, 1, 1), Sex.FEMALE);
        for (CertificateKind kind : CertificateKind.values()) {
            derBase64.put(kind, ca.issue(kind, publicKeyBase64, kind == CertificateKind.SIGN ? template : null, notAfter).derBase64());
        }
    }

    /** The card's public key as SubjectPublicKeyInfo DER, Base64; one key stands for every card. */
    String publicKey() {
        return publicKeyBase64;
    }

    IssuedCertificate certificate(CertificateKind kind, LocalDate issuedOn, LocalDate notAfter, Random random) {
        // 127-bit positive serials, as the CA draws them
        String serial = Long.toHexString((random.nextLong() >>> 1) | (1L << 61)) + "%016x".formatted(random.nextLong());
        return new IssuedCertificate(kind, serial, JapanDays.at(issuedOn, 10, 0), notAfter, derBase64.get(kind));
    }
}
