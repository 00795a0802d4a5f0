package jp.jpki.lifecycle.api.card;

/** Asks the command side for the CA certificates that go on the card beside the holder's (EFs 000B, 0002). */
public record GetCaCertificates() {
}
