package jp.jpki.lifecycle.query.revocation;

import java.util.Base64;
import java.util.Locale;
import jp.jpki.lifecycle.api.card.CaCertificateSet;
import jp.jpki.lifecycle.api.card.GetCaCertificates;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.query.web.Answers;
import jp.jpki.lifecycle.query.web.Problems;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public face of revocation status (R-REV-6): CA certificates, CRLs and OCSP, one of each per CA, no login. */
@RestController
@RequestMapping("/pki/{ca}")
class PkiController {

    private static final MediaType PKIX_CERT = MediaType.parseMediaType("application/pkix-cert");
    private static final MediaType PKIX_CRL = MediaType.parseMediaType("application/pkix-crl");
    static final MediaType OCSP_RESPONSE = MediaType.parseMediaType("application/ocsp-response");

    private final QueryGateway queries;
    private final CrlPublisher crls;
    private final OcspResponder ocsp;

    PkiController(QueryGateway queries, CrlPublisher crls, OcspResponder ocsp) {
        this.queries = queries;
        this.crls = crls;
        this.ocsp = ocsp;
    }

    @GetMapping("/ca.crt")
    ResponseEntity<byte[]> caCertificate(@PathVariable String ca) {
        CertificateKind kind = kind(ca);
        CaCertificateSet set = Answers.await(queries.query(new GetCaCertificates(), CaCertificateSet.class));
        return ResponseEntity.ok().contentType(PKIX_CERT).cacheControl(CacheControl.noCache())
                .body(Base64.getDecoder().decode(set.certificates().get(kind)));
    }

    @GetMapping("/crl")
    ResponseEntity<byte[]> crl(@PathVariable String ca) {
        return ResponseEntity.ok().contentType(PKIX_CRL).cacheControl(CacheControl.noCache()).body(crls.current(kind(ca)));
    }

    /**
     * Any content type and an empty body too: whatever is posted gets an OCSP response ({@code malformedRequest}
     * for what is not a request), never an HTTP error. GET requests (RFC 6960 A.1) are {@link OcspGetFilter}'s.
     */
    @PostMapping("/ocsp")
    ResponseEntity<byte[]> ocsp(@PathVariable String ca, @RequestBody(required = false) byte[] request) {
        return ResponseEntity.ok().contentType(OCSP_RESPONSE).cacheControl(CacheControl.noStore())
                .body(ocsp.respond(kind(ca), request == null ? new byte[0] : request));
    }

    static CertificateKind kind(String ca) {
        return switch (ca.toLowerCase(Locale.ROOT)) {
            case "sign" -> CertificateKind.SIGN;
            case "auth" -> CertificateKind.AUTH;
            default -> throw Problems.notFound("Unknown CA", "the CAs are 'sign' and 'auth'");
        };
    }
}
