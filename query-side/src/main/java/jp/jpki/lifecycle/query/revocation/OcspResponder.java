package jp.jpki.lifecycle.query.revocation;

import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
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
import org.axonframework.messaging.responsetypes.ResponseTypes;
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
 * visible as soon as its event is projected (R-REV-6). It signs with a delegated responder key it generated and
 * registered with the CA (proving possession), which the CA certified; answers are built per request, never cached,
 * so they are always current.
 *
 * <p>It never answers what it cannot vouch for: while the statuses are being built it answers only revocations and
 * holds (which cannot turn good again, R-REV-4/5), and {@code tryLater} for the rest; a serial it does not know
 * while the projection is behind the event store may be one the CA just issued, so that too is {@code tryLater},
 * not {@code unknown}.
 */
@Component
class OcspResponder {

    static final Duration RENEW_RESPONDER_BEFORE_EXPIRY = Duration.ofDays(1);
    /** The id this responder registers its keys under; the CA certifies keys of the responders it knows. */
    static final String RESPONDER_ID = "query-side";

    private static final JcaContentSignerBuilder SIGNERS = new JcaContentSignerBuilder("SHA256withRSA");

    /** A ContentSigner holds one mutable Signature, so each response gets its own signer over the shared key. */
    private record Responder(PrivateKey key, X509CertificateHolder certificate, IssuerHashes ca, RespID id, Instant notAfter) {

        ContentSigner signer() throws OperatorCreationException {
            return SIGNERS.build(key);
        }
    }

    /** A status this responder cannot vouch for now. */
    private static final class CannotVouch extends Exception {
    }

    private final RevocationStatusStore store;
    private final RevocationStatusFollower follower;
    private final QueryGateway queries;
    private final Clock clock;
    private final DigestCalculatorProvider digests;
    private final Map<CertificateKind, Responder> responders = new EnumMap<>(CertificateKind.class);

    OcspResponder(RevocationStatusStore store, RevocationStatusFollower follower, QueryGateway queries, Clock clock)
            throws OperatorCreationException {
        this.store = store;
        this.follower = follower;
        this.queries = queries;
        this.clock = clock;
        this.digests = new JcaDigestCalculatorProviderBuilder().build();
    }

    /** Always an OCSP response: a request that cannot be read gets {@code malformedRequest}, never an HTTP error. */
    byte[] respond(CertificateKind kind, byte[] request) {
        OCSPReq parsed;
        try {
            parsed = new OCSPReq(request);
            if (parsed.getRequestList().length == 0) {
                return status(OCSPRespBuilder.MALFORMED_REQUEST);
            }
        } catch (IOException | RuntimeException e) {
            return status(OCSPRespBuilder.MALFORMED_REQUEST);
        }
        try {
            return answer(kind, parsed).getEncoded();
        } catch (CannotVouch e) {
            return status(OCSPRespBuilder.TRY_LATER);
        } catch (IOException | RuntimeException | OCSPException | OperatorCreationException e) {
            return status(OCSPRespBuilder.INTERNAL_ERROR);
        }
    }

    private OCSPResp answer(CertificateKind kind, OCSPReq request) throws OCSPException, OperatorCreationException, CannotVouch {
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

    private CertificateStatus statusOf(CertificateKind kind, CertificateID id, IssuerHashes ca) throws CannotVouch {
        if (!ca.issued(id)) {
            return new UnknownStatus(); // asked about another CA's certificate
        }
        BigInteger serial = id.getSerialNumber();
        Optional<CertificateStatusDocument> known = store.find(kind, serial.toString(16));
        boolean vouches = store.vouches();
        if (known.isEmpty()) {
            if (!vouches || follower.behind()) {
                throw new CannotVouch();
            }
            return new UnknownStatus();
        }
        CertificateStatusDocument status = known.get();
        if (!vouches && status.status == CertificateStatusDocument.Status.GOOD) {
            throw new CannotVouch();
        }
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
            ResponderCertificate issued = Answers.await(queries.query(CrlPublisher.fromQuerySide(registration(kind, keys)),
                    ResponseTypes.instanceOf(ResponderCertificate.class)));
            X509CertificateHolder certificate = new X509CertificateHolder(Base64.getDecoder().decode(issued.certificateDerBase64()));
            X509CertificateHolder ca = new X509CertificateHolder(Base64.getDecoder().decode(issued.caCertificateDerBase64()));
            RespID id = new RespID(certificate.getSubjectPublicKeyInfo(), digests.get(CertificateID.HASH_SHA1));
            return new Responder(keys.getPrivate(), certificate, IssuerHashes.of(ca), id, certificate.getNotAfter().toInstant());
        } catch (NoSuchAlgorithmException | IOException | OperatorCreationException | OCSPException e) {
            throw new IllegalStateException("cannot set up the " + kind + " OCSP responder", e);
        }
    }

    /** The new key's registration, signed with that key: the CA certifies only a key whose holder signed for it. */
    private CertifyOcspResponder registration(CertificateKind kind, KeyPair keys) {
        CertifyOcspResponder unsigned = new CertifyOcspResponder(kind, RESPONDER_ID,
                Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()), clock.instant(), null);
        try {
            Signature signature = Signature.getInstance(CertifyOcspResponder.PROOF_ALGORITHM);
            signature.initSign(keys.getPrivate());
            signature.update(unsigned.signedContent());
            return new CertifyOcspResponder(kind, unsigned.responderId(), unsigned.publicKeyDerBase64(), unsigned.requestedAt(),
                    Base64.getEncoder().encodeToString(signature.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the " + kind + " responder registration", e);
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
