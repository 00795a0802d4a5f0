package jp.jpki.lifecycle.edge.authentication;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.core.io.Resource;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * The access-token decoder, from Spring Boot's usual {@code spring.security.oauth2.resourceserver.jwt.*}
 * settings, but stricter than Spring Boot's own: a token must be signed by the identity provider's key, come
 * from the configured issuer and name one of the configured audiences, whichever way the key is found
 * ({@code jwk-set-uri}, {@code public-key-location} or the issuer's discovery document). A key without an
 * issuer and an audience would accept every token the provider ever signed for any application, so such a
 * configuration does not start.
 */
public final class StaffTokenDecoder {

    private StaffTokenDecoder() {
    }

    /** Empty when no OIDC setting is present at all; throws when the settings are incomplete. */
    public static Optional<JwtDecoder> from(OAuth2ResourceServerProperties.Jwt settings) {
        String issuer = settings.getIssuerUri();
        String jwkSetUri = settings.getJwkSetUri();
        Resource publicKey = settings.getPublicKeyLocation();
        List<String> audiences = settings.getAudiences();
        if (issuer == null && jwkSetUri == null && publicKey == null) {
            return Optional.empty();
        }
        if (issuer == null || issuer.isBlank() || audiences == null || audiences.isEmpty()) {
            throw new IllegalStateException("OIDC needs both spring.security.oauth2.resourceserver.jwt.issuer-uri and "
                    + ".audiences: without them tokens from any issuer or for any application would be accepted");
        }
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.stream().anyMatch(audiences::contains)));
        if (jwkSetUri != null) {
            return Optional.of(validated(NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build(), validator));
        }
        if (publicKey != null) {
            return Optional.of(validated(NimbusJwtDecoder.withPublicKey(rsaKey(publicKey)).build(), validator));
        }
        // discovery on first use, so a service starts while the identity provider is briefly away
        return Optional.of(new SupplierJwtDecoder(() -> validated(NimbusJwtDecoder.withIssuerLocation(issuer).build(), validator)));
    }

    private static NimbusJwtDecoder validated(NimbusJwtDecoder decoder, OAuth2TokenValidator<Jwt> validator) {
        decoder.setJwtValidator(validator);
        return decoder;
    }

    private static RSAPublicKey rsaKey(Resource location) {
        try (InputStream in = location.getInputStream()) {
            String pem = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read the identity provider's public key from " + location, e);
        }
    }
}
