package jp.jpki.lifecycle.cardsim;

import java.util.EnumSet;
import java.util.Set;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.card.jpki.JpkiFile;

/** What a card remembers only while powered: the selection, verified PINs, the issuer session. */
final class CardSession {
    boolean applicationSelected;
    JpkiFile current;
    final Set<CertificateKind> verified = EnumSet.noneOf(CertificateKind.class);
    byte[] challenge;
    boolean issuerAuthenticated;

    void clear() {
        applicationSelected = false;
        current = null;
        verified.clear();
        challenge = null;
        issuerAuthenticated = false;
    }
}
