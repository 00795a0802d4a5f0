package jp.jpki.lifecycle.api.query;

import java.time.LocalDate;
import java.util.Set;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.Procedure;

/**
 * A voluntary proxy's two-visit application (R-PRC-2).
 *
 * @param letterMailedOn the day the inquiry letter (照会書兼回答書) was mailed, null until then
 * @param answered       the answered letter was brought back (visit 2 may proceed)
 */
public record ProxyApplicationView(String applicationId, Procedure procedure, Set<CertificateKind> kinds,
                                   LocalDate letterMailedOn, boolean answered) {
}
