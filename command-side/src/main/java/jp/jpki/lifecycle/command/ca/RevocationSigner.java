package jp.jpki.lifecycle.command.ca;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pki.CertifyOcspResponder;
import jp.jpki.lifecycle.api.pki.CrlEntry;
import jp.jpki.lifecycle.api.pki.ResponderCertificate;
import jp.jpki.lifecycle.api.pki.SignCrl;
import jp.jpki.lifecycle.api.pki.SignedCrl;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.X500NameBuilder;
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
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the CA key signs for revocation status (R-REV-6): CRLs, and the certificates of delegated OCSP
 * responders. The CA key never leaves the command side, and it signs only what the CA's own state backs: a CRL
 * whose list is exactly the revoked and held certificates of its {@link CaLedger}, read up to the event store's
 * head, numbered from its own durable counter; a responder certificate only for a key its registered responder
 * proved it holds.
 */
public class RevocationSigner {

    private static final Logger log = LoggerFactory.getLogger(RevocationSigner.class);

    /** Long enough to ride out a restart of the query side, short enough that a stolen responder key soon dies. */
    static final Duration RESPONDER_VALIDITY = Duration.ofDays(2);
    /** Relying parties cache a CRL until its next update; the read model asks for a new one well before. */
    static final Duration CRL_VALIDITY = Duration.ofHours(24);
    /** How old a responder's registration may be: enough for a clock a little off, too little to replay one. */
    static final Duration REGISTRATION_FRESHNESS = Duration.ofMinutes(5);
    /** How long a CRL request waits for the ledger to read the events it has not read yet. */
    static final Duration CATCH_UP_PATIENCE = Duration.ofSeconds(5);

    private final CaKeyStore cas;
    private final CaLedger ledger;
    private final CaCrls crls;
    private final OcspResponderRegistry responders;
    private final Set<String> responderIds;
    private final Clock clock;
    private final SecureRandom random;

    RevocationSigner(CaKeyStore cas, CaLedger ledger, CaCrls crls, OcspResponderRegistry responders, Set<String> responderIds,
                     Clock clock, SecureRandom random) {
        this.cas = cas;
        this.ledger = ledger;
        this.crls = crls;
        this.responders = responders;
        this.responderIds = Set.copyOf(responderIds);
        this.clock = clock;
        this.random = random;
    }

    /** Signs the CRL asked for if, and only if, it lists exactly what the CA's ledger lists (R-REV-6). */
    public SignedCrl sign(SignCrl request) {
        if (!ledger.catchUp(CATCH_UP_PATIENCE)) {
            throw refused("the CA's record has not read the event store up to its head yet; ask again shortly");
        }
        List<CrlEntry> listed = ledger.onCrl(request.kind());
        String difference = difference(listed, request.entries());
        if (difference != null) {
            throw refused("the " + request.kind() + " CRL asked for differs from the CA's record: " + difference);
        }
        CaKeyStore.CaMaterial ca = cas.get(request.kind());
        Instant thisUpdate = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant nextUpdate = thisUpdate.plus(CRL_VALIDITY);
        long number = crls.next(request.kind());
        try {
            X509v2CRLBuilder crl = new X509v2CRLBuilder(X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()),
                    Date.from(thisUpdate));
            crl.setNextUpdate(Date.from(nextUpdate));
            for (CrlEntry entry : listed) {
                crl.addCRLEntry(new BigInteger(entry.serialHex(), 16), Date.from(entry.revokedAt()), entry.reason().rfc5280Code());
            }
            crl.addExtension(Extension.cRLNumber, false, new ASN1Integer(number));
            crl.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.certificate()));
            byte[] der = crl.build(signer(ca)).getEncoded();
            crls.signed(request.kind(), number, nextUpdate, der);
            return new SignedCrl(Base64.getEncoder().encodeToString(der), number, nextUpdate);
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign the " + request.kind() + " CRL", e);
        }
    }

    public Optional<SignedCrl> latest(CertificateKind kind) {
        return crls.latest(kind);
    }

    /**
     * Registers the responder's key and certifies it, if the responder is one the CA serves, the registration is
     * fresh, and it is signed with the private key of the key it registers (proof of possession).
     */
    public ResponderCertificate certify(CertifyOcspResponder request) {
        if (request.responderId() == null || !responderIds.contains(request.responderId())) {
            throw refused("'" + request.responderId() + "' is not an OCSP responder of this CA");
        }
        Instant now = clock.instant();
        if (request.requestedAt() == null || Duration.between(request.requestedAt(), now).abs().compareTo(REGISTRATION_FRESHNESS) > 0) {
            throw refused("the responder's registration is not fresh: it was signed at " + request.requestedAt());
        }
        PublicKey key = publicKey(request);
        if (!possessionProven(request, key)) {
            throw refused("the responder's registration is not signed with the key it registers");
        }
        CaKeyStore.CaMaterial ca = cas.get(request.kind());
        responders.register(request.kind(), new OcspResponderRegistry.Registration(request.responderId(), sha256(key), now));
        log.info("OCSP responder '{}' registered a new {} responder key (SHA-256 {}); it replaces the one before",
                request.responderId(), request.kind(), sha256(key));
        try {
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "JP").addRDN(BCStyle.O, "JPKI")
                    .addRDN(BCStyle.OU, "OCSP responder for " + request.kind()).addRDN(BCStyle.OU, "jpki-lifecycle (not J-LIS)")
                    .addRDN(BCStyle.CN, request.responderId()).build();
            Instant notAfter = now.plus(RESPONDER_VALIDITY);
            if (notAfter.isAfter(ca.certificate().getNotAfter().toInstant())) {
                notAfter = ca.certificate().getNotAfter().toInstant();
            }
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate(),
                    new BigInteger(127, random).add(BigInteger.ONE), Date.from(now.minus(Duration.ofMinutes(5))), Date.from(notAfter),
                    subject, key);
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
            throw new IllegalStateException("cannot certify this " + request.kind() + " OCSP responder key", e);
        }
    }

    /** Null if the two lists agree on every serial, reason and revocation second; else what differs, in counts. */
    static String difference(List<CrlEntry> ledger, List<CrlEntry> asked) {
        Map<String, CrlEntry> expected = byserial(ledger);
        Map<String, CrlEntry> given = byserial(asked);
        if (given.size() != asked.size()) {
            return "a serial is listed twice";
        }
        long missing = expected.keySet().stream().filter(serial -> !given.containsKey(serial)).count();
        long unknown = given.keySet().stream().filter(serial -> !expected.containsKey(serial)).count();
        long changed = expected.entrySet().stream().filter(e -> given.containsKey(e.getKey()))
                .filter(e -> !same(e.getValue(), given.get(e.getKey()))).count();
        if (missing + unknown + changed == 0) {
            return null;
        }
        return missing + " revoked or held certificate(s) missing, " + unknown + " listed that the CA has not revoked or held, "
                + changed + " with another reason or date";
    }

    private static Map<String, CrlEntry> byserial(List<CrlEntry> entries) {
        return entries.stream().collect(Collectors.toMap(e -> CaLedger.normal(e.serialHex()), Function.identity(), (a, b) -> a));
    }

    private static boolean same(CrlEntry a, CrlEntry b) {
        return a.reason() == b.reason() && b.revokedAt() != null
                && a.revokedAt().getEpochSecond() == b.revokedAt().getEpochSecond();
    }

    private static PublicKey publicKey(CertifyOcspResponder request) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(request.publicKeyDerBase64())));
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            throw refused("the responder key is not an RSA SubjectPublicKeyInfo");
        }
    }

    private static boolean possessionProven(CertifyOcspResponder request, PublicKey key) {
        try {
            Signature verifier = Signature.getInstance(CertifyOcspResponder.PROOF_ALGORITHM);
            verifier.initVerify(key);
            verifier.update(request.signedContent());
            return verifier.verify(Base64.getDecoder().decode(request.proofOfPossession()));
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    private static String sha256(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SigningRefusedException refused(String reason) {
        log.warn("CA signing refused: {}", reason);
        return new SigningRefusedException(reason);
    }

    private static ContentSigner signer(CaKeyStore.CaMaterial ca) throws OperatorCreationException {
        return new JcaContentSignerBuilder("SHA256withRSA").build(ca.key());
    }
}
