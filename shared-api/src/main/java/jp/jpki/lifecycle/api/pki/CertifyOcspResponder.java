package jp.jpki.lifecycle.api.pki;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import jp.jpki.lifecycle.api.pair.CertificateKind;

/**
 * Registers a delegated OCSP responder key with the CA of one kind and asks for its certificate (RFC 6960
 * section 4.2.2.2): the responder signs answers with its own short-lived key, so the CA key signs once a day,
 * not once per request. The responder proves it holds the private key by signing {@link #signedContent()} with
 * it (SHA256withRSA); the CA certifies only a key so proven, for the responder it names, one key at a time.
 * Answered with a {@link ResponderCertificate}.
 *
 * @param responderId       which responder registers (the CA knows the ones it serves)
 * @param requestedAt       when the responder signed this, so an old registration cannot be replayed
 * @param proofOfPossession base64 signature over {@link #signedContent()} by the key being registered
 */
public record CertifyOcspResponder(CertificateKind kind, String responderId, String publicKeyDerBase64, Instant requestedAt,
                                   String proofOfPossession) {

    public static final String PROOF_ALGORITHM = "SHA256withRSA";

    /** What the proof signs: every field but the proof, one per line. */
    public byte[] signedContent() {
        return String.join("\n", "jpki-ocsp-responder-registration", kind.name(), responderId, publicKeyDerBase64,
                requestedAt.toString()).getBytes(StandardCharsets.UTF_8);
    }
}
