package jp.jpki.lifecycle.card.work;

import java.util.Map;
import jp.jpki.lifecycle.api.pair.CertificateKind;

/** The CA certificates (DER, Base64) written beside the holder's certificates (EFs 000B and 0002). */
public interface CaCertificates {
    Map<CertificateKind, String> all();
}
