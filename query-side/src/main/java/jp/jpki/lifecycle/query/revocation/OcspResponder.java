package jp.jpki.lifecycle.query.revocation;

import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pki.CertifyOcspResponder;
import jp.jpki.lifecycle.api.pki.ResponderCertificate;
import jp.jpki.lifecycle.query.web.Answers;
import org.axonframework.queryhandling.QueryGateway;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.springframework.stereotype.Component;

/**
 * RFC 6960 OCSP responder, one per CA, answering from the revocation-status read model, so a revocation is
 * visible as soon as its event is projected (R-REV-6). It signs with a delegated responder key the CA certified;
 * answers are built per request, never cached, so they are always current.
 */
@Component
public class OcspResponder {

    static final Duration RENEW_RESPONDER_BEFORE_EXPIRY = Duration.ofDays(1);

    private static final JcaContentSignerBuilder SIGNERS = new JcaContentSignerBuilder("SHA256withRSA");

    /** A ContentSigner holds one mutable Signature, so each response gets its own signer over the shared key. */
    private record Responder(PrivateKey key, X509CertificateHolder certificate, IssuerHashes ca, RespID id, Instant notAfter) {

        ContentSigner signer() throws OperatorCreationException {
            return SIGNERS.build(key);
        }
    }

    private final RevocationStatusStore store;
    private final QueryGateway queries;
    private final Clock clock;
    private final DigestCalculatorProvider digests;
    private final Map<CertificateKind, Responder> responders = new EnumMap<>(CertificateKind.class);

    public OcspResponder(RevocationStatusStore store, QueryGateway queries, Clock clock) throws OperatorCreationException {
        this.store = store;
        this.queries = queries;
        this.clock = clock;
        this.digests = new JcaDigestCalculatorProviderBuilder().build();
    }

    /** Always an OCSP response: a request that cannot be read gets {@code malformedRequest}, never an HTTP error. */
    public byte[] respond(CertificateKind kind, byte[] request) {
        try {
            return answer(kind, new OCSPReq(request)).getEncoded();
        } catch (IOException | RuntimeException e) {
            return status(OCSPRespBuilder.MALFORMED_REQUEST);
        } catch (OCSPException | OperatorCreationException e) {
            return status(OCSPRespBuilder.INTERNAL_ERROR);
        }
    }

    private OCSPResp answer(CertificateKind kind, OCSPReq request) throws OCSPException, OperatorCreationException {
        Responder responder = responder(kind);
        Instant now = clock.instant();
        BasicOCSPRespBuilder response = new BasicOCSPRespBuilder(responder.id());
        for (Req one : request.getRequestList()) {
            CertificateID id = one.getCertID();
            response.addResponse(id, statusOf(kind, id, responder.ca()), Date.from(now), null, null);
        }
        Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (nonce != null) {
            response.setResponseExtensions(new Extensions(nonce));
        }
        return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL,
                response.build(responder.signer(), new X509CertificateHolder[] {responder.certificate()}, Date.from(now)));
    }

    private CertificateStatus statusOf(CertificateKind kind, CertificateID id, IssuerHashes ca) {
        if (!ca.issued(id)) {
            return new UnknownStatus(); // asked about another CA's certificate
        }
        BigInteger serial = id.getSerialNumber();
        Optional<CertificateStatusDocument> known = store.find(kind, serial.toString(16));
        if (known.isEmpty()) {
            return new UnknownStatus();
        }
        CertificateStatusDocument status = known.get();
        // Bouncy Castle spells "good" as null, so this cannot go through Optional.map.
        return status.status == CertificateStatusDocument.Status.GOOD ? CertificateStatus.GOOD
                : new RevokedStatus(Date.from(status.revokedAt), status.reason.rfc5280Code());
    }

    private synchronized Responder responder(CertificateKind kind) {
        Responder current = responders.get(kind);
        if (current == null || clock.instant().isAfter(current.notAfter().minus(RENEW_RESPONDER_BEFORE_EXPIRY))) {
            current = newResponder(kind);
            responders.put(kind, current);
        }
        return current;
    }

    private Responder newResponder(CertificateKind kind) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            ResponderCertificate issued = Answers.await(queries.query(new CertifyOcspResponder(kind,
                    Base64.getEncoder().encodeToString(keys.getPublic().getEncoded())), ResponderCertificate.class));
            X509CertificateHolder certificate = new X509CertificateHolder(Base64.getDecoder().decode(issued.certificateDerBase64()));
            X509CertificateHolder ca = new X509CertificateHolder(Base64.getDecoder().decode(issued.caCertificateDerBase64()));
            RespID id = new RespID(certificate.getSubjectPublicKeyInfo(), digests.get(CertificateID.HASH_SHA1));
            return new Responder(keys.getPrivate(), certificate, IssuerHashes.of(ca), id, certificate.getNotAfter().toInstant());
        } catch (NoSuchAlgorithmException | IOException | OperatorCreationException | OCSPException e) {
            throw new IllegalStateException("cannot set up the " + kind + " OCSP responder", e);
        }
    }

    private static byte[] status(int status) {
        try {
            return new OCSPRespBuilder().build(status, null).getEncoded();
        } catch (IOException | OCSPException e) {
            throw new IllegalStateException(e);
        }
    }
}
