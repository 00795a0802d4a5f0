package jp.jpki.lifecycle.api.query;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.jpki.lifecycle.api.pair.CertificateKind;

/**
 * What a counter sees of one certificate pair. Holds no basic items (基本4情報): the resident register keeps them.
 *
 * @param certificates      both kinds, always present ({@code NONE} when never issued)
 * @param proxyApplications voluntary-proxy applications recorded on visit 1 (R-PRC-2)
 * @param lastOperation     the latest event applied to the pair
 */
public record PairView(String pairId, String residentRef, String municipalityCode, String cardId,
                       LocalDate cardExpiry, Map<CertificateKind, CertificateView> certificates,
                       List<ProxyApplicationView> proxyApplications, LastOperation lastOperation) {
}
