package jp.jpki.lifecycle.query.counter;

import static jp.jpki.lifecycle.api.pair.CertificateKind.AUTH;
import static jp.jpki.lifecycle.api.pair.CertificateKind.SIGN;
import static jp.jpki.lifecycle.query.support.PairEvents.certificate;
import static jp.jpki.lifecycle.query.support.PairEvents.issuanceRequested;
import static jp.jpki.lifecycle.query.support.PairEvents.issued;
import static jp.jpki.lifecycle.query.support.PairEvents.revoked;
import static jp.jpki.lifecycle.query.support.PairEvents.written;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.api.pair.RevocationReason;
import jp.jpki.lifecycle.api.query.ExpiryNoticeView;
import jp.jpki.lifecycle.api.query.FindExpiryNoticesDue;
import jp.jpki.lifecycle.query.support.EventFeed;
import jp.jpki.lifecycle.query.support.InMemoryMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** R-REN-4: the list of expiry notices (有効期限通知書) due in a month, from the counter view. */
class ExpiryNoticesTest {
    private InMemoryMongo mongo;
    private CounterViewProjection projection;
    private EventFeed events;

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo();
        CounterViewStore store = new CounterViewStore(mongo.template());
        store.afterPropertiesSet();
        projection = new CounterViewProjection(store, new PairViews(Clock.systemUTC()));
        events = new EventFeed(projection);
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void a_notice_is_due_in_the_month_three_months_before_notAfter_R_REN_4() {
        active("pair-0001", LocalDate.of(2031, 5, 31), LocalDate.of(2031, 11, 14)); // SIGN due 2031-02-28
        active("pair-0002", LocalDate.of(2031, 5, 1), LocalDate.of(2031, 5, 1));    // both due 2031-02-01
        active("pair-0003", LocalDate.of(2031, 6, 1), LocalDate.of(2031, 4, 30));   // due in March, January

        assertThat(projection.handle(new FindExpiryNoticesDue(YearMonth.of(2031, 2))).notices()).containsExactly(
                new ExpiryNoticeView("pair-0002", SIGN, LocalDate.of(2031, 5, 1)),
                new ExpiryNoticeView("pair-0002", AUTH, LocalDate.of(2031, 5, 1)),
                new ExpiryNoticeView("pair-0001", SIGN, LocalDate.of(2031, 5, 31)));
    }

    @Test
    void a_certificate_no_longer_active_gets_no_notice_R_REN_4() {
        PairId pair = active("pair-0001", LocalDate.of(2031, 5, 31), LocalDate.of(2031, 5, 31));
        events.feed(pair, revoked(pair, SIGN, "pair-0001-S", RevocationReason.AFFILIATION_CHANGED));

        assertThat(projection.handle(new FindExpiryNoticesDue(YearMonth.of(2031, 2))).notices())
                .containsExactly(new ExpiryNoticeView("pair-0001", AUTH, LocalDate.of(2031, 5, 31)));
    }

    private PairId active(String id, LocalDate signNotAfter, LocalDate authNotAfter) {
        PairId pair = new PairId(id);
        events.feed(pair, issuanceRequested(pair, "req-1", "R-" + id, "CARD-" + id, SIGN, AUTH),
                issued(pair, "req-1", 0, certificate(SIGN, id + "-S", signNotAfter), certificate(AUTH, id + "-A", authNotAfter)),
                written(pair, "req-1", id + "-S", id + "-A"));
        return pair;
    }
}
