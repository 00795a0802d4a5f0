package jp.jpki.lifecycle.command.ca;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import jp.jpki.lifecycle.api.pki.CertifyOcspResponder;
import jp.jpki.lifecycle.api.pki.CrlEntry;
import jp.jpki.lifecycle.api.pki.ResponderCertificate;
import jp.jpki.lifecycle.api.pki.SignCrl;
import jp.jpki.lifecycle.api.pki.SignedCrl;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * What the CA key signs for revocation status (R-REV-6): CRLs, and the certificates of delegated OCSP
 * responders. The CA key never leaves the command side; the read model sends what to sign.
 */
public class RevocationSigner {

    /** Long enough to ride out a restart of the query side, short enough that a stolen responder key soon dies. */
    static final Duration RESPONDER_VALIDITY = Duration.ofDays(2);

    private final CaKeyStore cas;
    private final Clock clock;
    private final SecureRandom random;

    public RevocationSigner(CaKeyStore cas, Clock clock, SecureRandom random) {
        this.cas = cas;
        this.clock = clock;
        this.random = random;
    }

    public SignedCrl sign(SignCrl request) {
        CaKeyStore.CaMaterial ca = cas.get(request.kind());
        try {
            X509v2CRLBuilder crl = new X509v2CRLBuilder(X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()),
                    Date.from(request.thisUpdate()));
            crl.setNextUpdate(Date.from(request.nextUpdate()));
            for (CrlEntry entry : request.entries()) {
                crl.addCRLEntry(new BigInteger(entry.serialHex(), 16), Date.from(entry.revokedAt()), entry.reason().rfc5280Code());
            }
            crl.addExtension(Extension.cRLNumber, false, new ASN1Integer(request.crlNumber()));
            crl.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.certificate()));
            return new SignedCrl(Base64.getEncoder().encodeToString(crl.build(signer(ca)).getEncoded()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign the " + request.kind() + " CRL", e);
        }
    }

    public ResponderCertificate certify(CertifyOcspResponder request) {
        CaKeyStore.CaMaterial ca = cas.get(request.kind());
        try {
            PublicKey key = java.security.KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(request.publicKeyDerBase64())));
            Instant now = clock.instant();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate(),
                    new BigInteger(127, random).add(BigInteger.ONE), Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(now.plus(RESPONDER_VALIDITY)),
                    new X500Name("C=JP, O=JPKI, OU=OCSP responder for " + request.kind() + ", OU=jpki-lifecycle (not J-LIS)"), key);
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning))
                    // RFC 6960 4.2.2.2.1: clients need not check the responder's own revocation status.
                    .addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE)
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key))
                    .addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(ca.certificate()));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(signer(ca)));
            return new ResponderCertificate(Base64.getEncoder().encodeToString(certificate.getEncoded()),
                    Base64.getEncoder().encodeToString(ca.certificate().getEncoded()));
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot certify this " + request.kind() + " OCSP responder key", e);
        }
    }

    private static ContentSigner signer(CaKeyStore.CaMaterial ca) throws org.bouncycastle.operator.OperatorCreationException {
        return new JcaContentSignerBuilder("SHA256withRSA").build(ca.key());
    }
}
