package jp.jpki.lifecycle.query.counter;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.CertificateStatus;
import jp.jpki.lifecycle.api.query.CertificateView;
import jp.jpki.lifecycle.api.query.LastOperation;
import jp.jpki.lifecycle.api.query.PairView;
import jp.jpki.lifecycle.api.query.ProxyApplicationView;
import jp.jpki.lifecycle.api.time.JapanTime;
import org.springframework.stereotype.Component;

/** Maps the stored counter view to the query answer; "is the renewal window open" depends on today, so it is computed here. */
@Component
class PairViews {
    private final Clock clock;

    PairViews(Clock clock) {
        this.clock = clock;
    }

    PairView toView(CounterViewDocument document) {
        LocalDate today = JapanTime.today(clock);
        Map<CertificateKind, CertificateView> certificates = new EnumMap<>(CertificateKind.class);
        for (CertificateKind kind : CertificateKind.values()) {
            CertificateEntry entry = document.certificates().getOrDefault(kind, new CertificateEntry());
            certificates.put(kind, toView(kind, entry, today));
        }
        var last = document.lastOperation();
        return new PairView(document.pairId(), document.residentRef(), document.municipalityCode(),
                document.cardId(), document.cardExpiry(), certificates,
                document.proxyApplications().stream().map(a -> new ProxyApplicationView(a.applicationId(),
                        a.procedure(), a.kinds(), a.letterMailedOn(), a.answered())).toList(),
                last == null ? null : new LastOperation(last.type(), last.at(), last.operatorId(), last.officeId()));
    }

    private static CertificateView toView(CertificateKind kind, CertificateEntry entry, LocalDate today) {
        LocalDate notAfter = entry.notAfter();
        // R-REN-1: only a still-valid certificate is renewed; any other status applies for a new issue instead.
        boolean windowOpen = notAfter != null && entry.status() == CertificateStatus.ACTIVE
                && RenewalWindow.isOpen(notAfter, today);
        return new CertificateView(kind, entry.status(), entry.serialHex(), entry.notBefore(), notAfter,
                entry.isPinLocked(), entry.revocationReason(),
                notAfter == null ? null : RenewalWindow.opensOn(notAfter), windowOpen, entry.expiryNoticeDueOn(),
                entry.pendingRequestId());
    }
}
