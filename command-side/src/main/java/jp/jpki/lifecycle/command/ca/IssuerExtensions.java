package jp.jpki.lifecycle.command.ca;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.X509ObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/**
 * The parts of an end-entity certificate that depend only on the issuing CA (its name, key identifier and the
 * CRL and OCSP addresses), encoded once per CA instead of once per certificate.
 */
record IssuerExtensions(X500Name name, Extension authorityKeyIdentifier, Extension crlDistributionPoints,
                        Extension authorityInfoAccess) {

    static IssuerExtensions of(CertificateKind kind, X509Certificate ca, String publicBaseUrl) {
        String path = publicBaseUrl + "/pki/" + kind.name().toLowerCase();
        try {
            return new IssuerExtensions(X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()),
                    extension(Extension.authorityKeyIdentifier, new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca)),
                    extension(Extension.cRLDistributionPoints, new CRLDistPoint(new DistributionPoint[]{
                            new DistributionPoint(new DistributionPointName(new GeneralNames(
                                    new GeneralName(GeneralName.uniformResourceIdentifier, path + "/crl"))), null, null)})),
                    extension(Extension.authorityInfoAccess, new AuthorityInformationAccess(
                            new AccessDescription(X509ObjectIdentifiers.id_ad_ocsp,
                                    new GeneralName(GeneralName.uniformResourceIdentifier, path + "/ocsp")))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the " + kind + " CA certificate", e);
        }
    }

    private static Extension extension(ASN1ObjectIdentifier oid, ASN1Encodable value) {
        try {
            return new Extension(oid, false, value.toASN1Primitive().getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
