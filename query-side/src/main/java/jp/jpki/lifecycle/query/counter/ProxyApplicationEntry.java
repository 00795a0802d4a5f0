package jp.jpki.lifecycle.query.counter;

import java.time.LocalDate;
import java.util.Set;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.Procedure;
import org.springframework.data.convert.ValueConverter;

/** A voluntary proxy's application between visit 1 and visit 2 (R-PRC-2). */
record ProxyApplicationEntry(String applicationId, Procedure procedure, Set<CertificateKind> kinds,
                             @ValueConverter(IsoDateConverter.class) LocalDate letterMailedOn, boolean answered) {

    ProxyApplicationEntry withLetterMailedOn(LocalDate mailedOn) {
        return new ProxyApplicationEntry(applicationId, procedure, kinds, mailedOn, answered);
    }

    ProxyApplicationEntry withAnswer() {
        return new ProxyApplicationEntry(applicationId, procedure, kinds, letterMailedOn, true);
    }
}
