package jp.jpki.lifecycle.command.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import jp.jpki.lifecycle.api.pair.BasicFourItems;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.IssuedCertificate;
import jp.jpki.lifecycle.api.pair.Sex;
import jp.jpki.lifecycle.command.policy.validity.EndOfValidity;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The certificates our CA signs are real, and shaped as R-CRD-3 says. */
class CertificateAuthorityTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-06-01T01:00:00Z"), EndOfValidity.JST);
    private static final LocalDate NOT_AFTER = LocalDate.parse("2031-11-14");
    private static final BasicFourItems ITEMS = new BasicFourItems("Test Hanako", "Setagaya 1-2-3", LocalDate.parse("1985-11-14"), Sex.FEMALE);

    @TempDir
    static Path dir;
    private static CaKeyStore cas;
    private static CertificateAuthority ca;
    private static String publicKey;

    @BeforeAll
    static void createCa() throws Exception {
        cas = CaKeyStore.openOrCreate(dir.resolve("ca.p12"), "test".toCharArray(), CLOCK);
        ca = new CertificateAuthority(cas, CLOCK, new SecureRandom(), "http://pki.example");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        publicKey = Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());
    }

    private static X509Certificate parse(IssuedCertificate issued) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(issued.derBase64())));
    }

    @Test
    @DisplayName("R-CRD-3: SHA-256 with RSA, signed by the kind's own CA, valid to the end of notAfter in JST")
    void r_crd_3_signature_issuer_and_validity() throws Exception {
        for (CertificateKind kind : CertificateKind.values()) {
            X509Certificate certificate = parse(ca.issue(kind, publicKey, kind == CertificateKind.SIGN ? ITEMS : null, NOT_AFTER));
            assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withRSA");
            X509Certificate issuer = cas.get(kind).certificate();
            certificate.verify(issuer.getPublicKey());
            assertThat(certificate.getIssuerX500Principal()).isEqualTo(issuer.getSubjectX500Principal());
            assertThat(issuer.getSubjectX500Principal().getName()).contains("O=JPKI", "C=JP");
            assertThat(certificate.getNotAfter().toInstant()).isEqualTo(EndOfValidity.lastSecond(NOT_AFTER));
            assertThat(certificate.getExtensionValue(Extension.cRLDistributionPoints.getId())).isNotNull();
            assertThat(certificate.getExtensionValue(Extension.authorityInfoAccess.getId())).isNotNull();
        }
    }

    @Test
    @DisplayName("R-CRD-3: SIGN carries the four basic items as subjectAltName otherNames 1.2.392.200149.8.5.5.x")
    void r_crd_3_sign_basic_items() throws Exception {
        X509CertificateHolder holder = new X509CertificateHolder(parse(ca.issue(CertificateKind.SIGN, publicKey, ITEMS, NOT_AFTER)).getEncoded());
        GeneralNames names = GeneralNames.fromExtensions(holder.getExtensions(), Extension.subjectAlternativeName);
        Set<String> oids = new HashSet<>();
        for (GeneralName name : names.getNames()) {
            assertThat(name.getTagNo()).isEqualTo(GeneralName.otherName);
            ASN1Sequence otherName = ASN1Sequence.getInstance(name.getName());
            oids.add(ASN1ObjectIdentifier.getInstance(otherName.getObjectAt(0)).getId());
            assertThat(otherName.getObjectAt(1)).isInstanceOf(ASN1TaggedObject.class);
        }
        assertThat(oids).allMatch(oid -> oid.startsWith("1.2.392.200149.8.5.5.")).hasSize(4);
    }

    @Test
    @DisplayName("R-CRD-3: AUTH carries no personal data: no subjectAltName, nothing of the holder in the subject")
    void r_crd_3_auth_is_anonymous() throws Exception {
        X509Certificate certificate = parse(ca.issue(CertificateKind.AUTH, publicKey, null, NOT_AFTER));
        assertThat(certificate.getSubjectAlternativeNames()).isNull();
        assertThat(certificate.getSubjectX500Principal().getName()).doesNotContain("Hanako", "Setagaya", "1985");
    }

    @Test
    @DisplayName("R-CRD-3: serials are unique and unpredictable (at least 64 random bits)")
    void r_crd_3_serials() {
        Set<String> serials = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String serial = ca.issue(CertificateKind.AUTH, publicKey, null, NOT_AFTER).serialHex();
            assertThat(new java.math.BigInteger(serial, 16).bitLength()).isGreaterThan(64);
            serials.add(serial);
        }
        assertThat(serials).hasSize(50);
    }

    @Test
    @DisplayName("R-CRD-2: only an RSA public key is certified")
    void r_crd_2_rsa_only() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        String ecKey = Base64.getEncoder().encodeToString(ec.generateKeyPair().getPublic().getEncoded());
        assertThatThrownBy(() -> ca.issue(CertificateKind.AUTH, ecKey, null, NOT_AFTER)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("R-CAS-5: no certificate outlives its CA: notAfter moves back to the last JST day the CA certificate covers")
    void r_cas_5_validity_capped_by_the_ca() throws Exception {
        Instant caEnd = cas.get(CertificateKind.AUTH).certificate().getNotAfter().toInstant();
        Clock late = Clock.fixed(caEnd.minus(java.time.Duration.ofDays(400)), EndOfValidity.JST);
        CertificateAuthority lateCa = new CertificateAuthority(cas, late, new SecureRandom(), "http://pki.example");
        LocalDate asked = caEnd.atZone(EndOfValidity.JST).toLocalDate().plusYears(3);

        IssuedCertificate issued = lateCa.issue(CertificateKind.AUTH, publicKey, null, asked);

        assertThat(issued.notAfter()).isBefore(asked);
        assertThat(EndOfValidity.lastSecond(issued.notAfter())).isBeforeOrEqualTo(caEnd);
        assertThat(EndOfValidity.lastSecond(issued.notAfter().plusDays(1))).isAfter(caEnd);
        assertThat(parse(issued).getNotAfter().toInstant()).isEqualTo(EndOfValidity.lastSecond(issued.notAfter()))
                .isBeforeOrEqualTo(caEnd);
        assertThat(ca.issue(CertificateKind.AUTH, publicKey, null, NOT_AFTER).notAfter()).as("well within the CA: unchanged")
                .isEqualTo(NOT_AFTER);
    }

    @Test
    @DisplayName("R-CAS-5: an expired CA signs nothing")
    void r_cas_5_expired_ca_signs_nothing() {
        Instant caEnd = cas.get(CertificateKind.AUTH).certificate().getNotAfter().toInstant();
        CertificateAuthority expired = new CertificateAuthority(cas, Clock.fixed(caEnd.plusSeconds(86_400 * 2), EndOfValidity.JST),
                new SecureRandom(), "http://pki.example");
        assertThatThrownBy(() -> expired.issue(CertificateKind.AUTH, publicKey, null, NOT_AFTER.plusYears(20)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("expired");
    }
}
