package jp.jpki.lifecycle.card.jpki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;

/**
 * The gateway's issuer key: its private half proves to a card that an issuance command comes from the
 * issuer; the card holds only the public half, burnt in when it is personalised.
 */
public final class IssuerKey {

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    public IssuerKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    public static IssuerKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            return new IssuerKey(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no EC P-256 in this JDK", e);
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** PKCS#8, for the key file; the key is never sent anywhere. */
    public byte[] privateKeyEncoded() {
        return privateKey.getEncoded();
    }

    byte[] prove(byte[] challenge, String cardId) {
        try {
            Signature signature = Signature.getInstance(IssuerAuthentication.SIGNATURE_ALGORITHM);
            signature.initSign(privateKey);
            signature.update(IssuerAuthentication.signedMessage(challenge, cardId));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the issuer key cannot sign", e);
        }
    }

    @Override
    public String toString() {
        return "IssuerKey[EC P-256]";
    }
}
