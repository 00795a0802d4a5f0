package jp.jpki.lifecycle.api.pair;

/**
 * The components that send messages of their own, named in {@link MetadataKeys#ORIGIN}. A message with neither
 * a caller (operator, office, municipality) nor one of these origins is refused by its receiver. The name is
 * believed because only the system's own components can reach the bus (Axon Server access token and TLS).
 */
public enum SystemOrigin {
    /** The card-work saga and the counter terminal: what a card did, and work given up. */
    CARD_GATEWAY,
    /** The revocation-status read model: CRL signing and its OCSP responder's certificate. */
    QUERY_SIDE
}
