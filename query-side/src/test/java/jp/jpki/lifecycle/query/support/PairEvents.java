package jp.jpki.lifecycle.query.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.jpki.lifecycle.api.expiry.CertificateExpired;
import jp.jpki.lifecycle.api.expiry.ExpiryNoticeDue;
import jp.jpki.lifecycle.api.issuance.CardWorkAbandoned;
import jp.jpki.lifecycle.api.issuance.CardWorkFailed;
import jp.jpki.lifecycle.api.issuance.CertificatesIssued;
import jp.jpki.lifecycle.api.issuance.CertificatesWrittenToCard;
import jp.jpki.lifecycle.api.issuance.IssuanceRequested;
import jp.jpki.lifecycle.api.pair.ApplicantType;
import jp.jpki.lifecycle.api.pair.BasicFourItems;
import jp.jpki.lifecycle.api.pair.BasicItem;
import jp.jpki.lifecycle.api.pair.CardGeneration;
import jp.jpki.lifecycle.api.pair.CardInfo;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.HolderFacts;
import jp.jpki.lifecycle.api.pair.IssuedCertificate;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.api.pair.RevocationReason;
import jp.jpki.lifecycle.api.pair.Sex;
import jp.jpki.lifecycle.api.pin.PinLocked;
import jp.jpki.lifecycle.api.pin.PinReset;
import jp.jpki.lifecycle.api.pin.PinResetRequested;
import jp.jpki.lifecycle.api.renewal.CertificatesRenewed;
import jp.jpki.lifecycle.api.renewal.RenewalRequested;
import jp.jpki.lifecycle.api.revocation.BasicInfoChanged;
import jp.jpki.lifecycle.api.revocation.CertificateHeld;
import jp.jpki.lifecycle.api.revocation.CertificateRevoked;

/** Small factories for a pair's events, so a test reads as the story it checks. */
public final class PairEvents {
    public static final LocalDate CARD_EXPIRY = LocalDate.of(2034, 11, 14);
    private static final Instant AT = Instant.parse("2026-04-01T01:00:00Z");

    private PairEvents() {
    }

    public static HolderFacts holder(String residentRef) {
        return new HolderFacts(residentRef, "131121",
                new BasicFourItems("Test Taro", "Setagaya 1-1", LocalDate.of(1985, 11, 14), Sex.MALE), false);
    }

    public static CardInfo card(String cardId) {
        return new CardInfo(cardId, LocalDate.of(2024, 1, 10), LocalDate.of(2024, 2, 1), null, CardGeneration.FIRST, false);
    }

    public static IssuanceRequested issuanceRequested(PairId pair, String requestId, String residentRef, String cardId,
                                                      CertificateKind... kinds) {
        return new IssuanceRequested(pair, requestId, holder(residentRef), card(cardId), CARD_EXPIRY,
                Set.copyOf(Arrays.asList(kinds)), ApplicantType.RESIDENT, "terminal-1", 0, null);
    }

    public static IssuedCertificate certificate(CertificateKind kind, String serialHex, LocalDate notAfter) {
        return new IssuedCertificate(kind, serialHex, AT, notAfter, "MIIB");
    }

    public static CertificatesIssued issued(PairId pair, String requestId, int feeYen, IssuedCertificate... certificates) {
        return new CertificatesIssued(pair, requestId, List.of(certificates), feeYen);
    }

    public static CertificatesWrittenToCard written(PairId pair, String requestId, String... serials) {
        return new CertificatesWrittenToCard(pair, requestId, List.of(serials));
    }

    public static RenewalRequested renewalRequested(PairId pair, String requestId, CertificateKind... kinds) {
        return new RenewalRequested(pair, requestId, "card-1", Set.copyOf(Arrays.asList(kinds)), ApplicantType.RESIDENT,
                "terminal-1", 0);
    }

    public static CertificatesRenewed renewed(PairId pair, String requestId, Map<CertificateKind, String> replaced,
                                              IssuedCertificate... certificates) {
        return new CertificatesRenewed(pair, requestId, List.of(certificates), replaced, 0);
    }

    public static PinLocked pinLocked(PairId pair, CertificateKind kind) {
        return new PinLocked(pair, kind);
    }

    public static PinResetRequested pinResetRequested(PairId pair, String requestId, CertificateKind kind) {
        return new PinResetRequested(pair, requestId, "card-1", kind, "terminal-1");
    }

    public static PinReset pinReset(PairId pair, String requestId, CertificateKind kind) {
        return new PinReset(pair, requestId, kind);
    }

    public static BasicInfoChanged addressChanged(PairId pair) {
        return new BasicInfoChanged(pair, Set.of(BasicItem.ADDRESS), LocalDate.of(2026, 4, 1));
    }

    public static CertificateRevoked revoked(PairId pair, CertificateKind kind, String serial, RevocationReason reason) {
        return new CertificateRevoked(pair, kind, serial, reason, AT);
    }

    public static CertificateHeld held(PairId pair, CertificateKind kind, String serial) {
        return new CertificateHeld(pair, kind, serial, AT);
    }

    public static CertificateExpired expired(PairId pair, CertificateKind kind, String serial, LocalDate notAfter) {
        return new CertificateExpired(pair, kind, serial, notAfter);
    }

    public static ExpiryNoticeDue expiryNoticeDue(PairId pair, CertificateKind kind, String serial, LocalDate notAfter) {
        return new ExpiryNoticeDue(pair, kind, serial, notAfter);
    }

    public static CardWorkFailed cardWorkFailed(PairId pair, String requestId) {
        return new CardWorkFailed(pair, requestId, "WRITE_CERTIFICATES", 1, "card removed");
    }

    public static CardWorkAbandoned cardWorkAbandoned(PairId pair, String requestId) {
        return new CardWorkAbandoned(pair, requestId, "card removed");
    }
}
