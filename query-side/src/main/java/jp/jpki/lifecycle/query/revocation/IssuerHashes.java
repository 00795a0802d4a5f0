package jp.jpki.lifecycle.query.revocation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;

/**
 * A CA's name and key hashes in the two algorithms OCSP clients use, computed once per responder rather than per
 * request. Compares the hashes only: {@code CertificateID.matchesIssuer} also compares the encoding of the hash
 * algorithm, and clients differ in whether SHA-1's parameters are an explicit NULL (openssl sends one).
 */
final class IssuerHashes {

    private record Pair(byte[] name, byte[] key) {
    }

    private final Map<String, Pair> byAlgorithmOid;

    private IssuerHashes(Map<String, Pair> byAlgorithmOid) {
        this.byAlgorithmOid = byAlgorithmOid;
    }

    static IssuerHashes of(X509CertificateHolder ca) {
        try {
            byte[] name = ca.getSubject().getEncoded();
            byte[] key = ca.getSubjectPublicKeyInfo().getPublicKeyData().getBytes();
            return new IssuerHashes(Map.of(
                    "1.3.14.3.2.26", hashes("SHA-1", name, key),
                    "2.16.840.1.101.3.4.2.1", hashes("SHA-256", name, key)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean issued(CertificateID id) {
        Pair expected = byAlgorithmOid.get(id.getHashAlgOID().getId());
        return expected != null
                && MessageDigest.isEqual(expected.name(), id.getIssuerNameHash())
                && MessageDigest.isEqual(expected.key(), id.getIssuerKeyHash());
    }

    private static Pair hashes(String algorithm, byte[] name, byte[] key) throws NoSuchAlgorithmException {
        return new Pair(MessageDigest.getInstance(algorithm).digest(name), MessageDigest.getInstance(algorithm).digest(key));
    }
}
