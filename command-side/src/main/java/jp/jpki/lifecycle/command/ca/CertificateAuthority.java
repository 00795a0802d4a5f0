package jp.jpki.lifecycle.command.ca;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.jpki.lifecycle.api.pair.BasicFourItems;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.IssuedCertificate;
import jp.jpki.lifecycle.api.pair.Sex;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import jp.jpki.lifecycle.command.policy.validity.EndOfValidity;

/**
 * Signs end-entity certificates per R-CRD-3: SHA-256 with RSA, RSA-2048 keys only (R-CRD-2), random 127-bit
 * serials (unpredictable, so collisions are negligible without a registry), validity to the notAfter day's
 * 23:59:59 JST, never past the CA certificate's own end. SIGN carries the four basic items as subjectAltName otherNames (R-CRD-3 OIDs); AUTH
 * carries nothing personal. Subjects are opaque.
 */
public class CertificateAuthority {

    private static final String OID_BASE = "1.2.392.200149.8.5.5.";
    private static final ASN1ObjectIdentifier NAME = new ASN1ObjectIdentifier(OID_BASE + "1");
    private static final ASN1ObjectIdentifier SEX = new ASN1ObjectIdentifier(OID_BASE + "3");
    private static final ASN1ObjectIdentifier DATE_OF_BIRTH = new ASN1ObjectIdentifier(OID_BASE + "4");
    private static final ASN1ObjectIdentifier ADDRESS = new ASN1ObjectIdentifier(OID_BASE + "5");

    private static final JcaContentSignerBuilder SIGNERS = new JcaContentSignerBuilder("SHA256withRSA");

    private final CaKeyStore cas;
    private final Map<CertificateKind, IssuerExtensions> issuers = new ConcurrentHashMap<>();
    private final Clock clock;
    private final SecureRandom random;
    private final String publicBaseUrl;

    public CertificateAuthority(CaKeyStore cas, Clock clock, SecureRandom random, String publicBaseUrl) {
        this.cas = cas;
        this.clock = clock;
        this.random = random;
        this.publicBaseUrl = publicBaseUrl;
    }

    public IssuedCertificate issue(CertificateKind kind, String subjectPublicKeyInfoBase64, BasicFourItems basicInfo,
                                   LocalDate notAfter) {
        PublicKey key = rsa2048(subjectPublicKeyInfoBase64);
        if (kind == CertificateKind.SIGN && basicInfo == null) {
            throw new IllegalArgumentException("a SIGN certificate needs the four basic items (R-CRD-3)");
        }
        IssuerExtensions issuer = issuers.computeIfAbsent(kind, k -> IssuerExtensions.of(k, cas.get(k).certificate(), publicBaseUrl));
        BigInteger serial = new BigInteger(127, random).add(BigInteger.ONE);
        Instant notBefore = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        notAfter = withinCa(notAfter, cas.get(kind).certificate().getNotAfter().toInstant());
        if (EndOfValidity.lastSecond(notAfter).isBefore(notBefore)) {
            throw new IllegalStateException("the " + kind + " CA certificate has expired: a new CA is needed before issuing");
        }
        try {
            var builder = new JcaX509v3CertificateBuilder(issuer.name(), serial, Date.from(notBefore),
                    Date.from(EndOfValidity.lastSecond(notAfter)), new X500Name("C=JP, CN=" + serial.toString(16)), key);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(kind == CertificateKind.SIGN
                            ? KeyUsage.digitalSignature | KeyUsage.nonRepudiation : KeyUsage.digitalSignature))
                    .addExtension(Extension.subjectKeyIdentifier, false, new JcaX509ExtensionUtils().createSubjectKeyIdentifier(key))
                    .addExtension(issuer.authorityKeyIdentifier())
                    .addExtension(issuer.crlDistributionPoints())
                    .addExtension(issuer.authorityInfoAccess());
            if (kind == CertificateKind.SIGN) {
                builder.addExtension(Extension.subjectAlternativeName, false, basicItems(basicInfo));
            }
            // The holder's DER is the certificate: no need to parse it back into an X509Certificate.
            byte[] der = builder.build(SIGNERS.build(cas.get(kind).key())).getEncoded();
            return new IssuedCertificate(kind, serial.toString(16), notBefore, notAfter, Base64.getEncoder().encodeToString(der));
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("the " + kind + " CA could not sign", e);
        }
    }

    /**
     * No certificate outlives the CA that signed it: its last day is moved back to the last whole JST day the CA
     * certificate still covers. The returned certificate carries the date it really has, so the pair's expiry
     * and renewal deadlines follow it.
     */
    static LocalDate withinCa(LocalDate notAfter, Instant caNotAfter) {
        if (!EndOfValidity.lastSecond(notAfter).isAfter(caNotAfter)) {
            return notAfter;
        }
        LocalDate last = caNotAfter.atZone(EndOfValidity.JST).toLocalDate();
        return EndOfValidity.lastSecond(last).isAfter(caNotAfter) ? last.minusDays(1) : last;
    }

    public String caCertificateDerBase64(CertificateKind kind) {
        try {
            return Base64.getEncoder().encodeToString(cas.get(kind).certificate().getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GeneralNames basicItems(BasicFourItems items) {
        String dateOfBirth = items.dateOfBirth().format(DateTimeFormatter.BASIC_ISO_DATE);
        String sex = items.sex() == Sex.MALE ? "1" : "2";
        return new GeneralNames(new GeneralName[]{
                otherName(NAME, items.name()), otherName(SEX, sex),
                otherName(DATE_OF_BIRTH, dateOfBirth), otherName(ADDRESS, items.address())});
    }

    private static GeneralName otherName(ASN1ObjectIdentifier oid, String value) {
        return new GeneralName(GeneralName.otherName,
                new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[]{oid, new DERTaggedObject(true, 0, new DERUTF8String(value))}));
    }

    private static PublicKey rsa2048(String subjectPublicKeyInfoBase64) {
        PublicKey key;
        try {
            key = KeyFactory.getInstance("RSA").generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(subjectPublicKeyInfoBase64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the public key is not an RSA SubjectPublicKeyInfo (R-CRD-2)", e);
        }
        if (!(key instanceof RSAPublicKey rsa) || rsa.getModulus().bitLength() != 2048) {
            throw new IllegalArgumentException("the card's key must be RSA-2048 (R-CRD-2)");
        }
        return key;
    }
}
