package jp.jpki.lifecycle.command.pair;

import static jp.jpki.lifecycle.command.pair.PairFixtures.BOTH;
import static jp.jpki.lifecycle.command.pair.PairFixtures.ISSUED_AT;
import static jp.jpki.lifecycle.command.pair.PairFixtures.MUNICIPALITY;
import static jp.jpki.lifecycle.command.pair.PairFixtures.PAIR;
import static jp.jpki.lifecycle.command.pair.PairFixtures.activePair;
import static jp.jpki.lifecycle.command.pair.PairFixtures.confirm;
import static jp.jpki.lifecycle.command.pair.PairFixtures.fixtureAt;
import static jp.jpki.lifecycle.command.pair.PairFixtures.keys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.MetadataKeys;
import jp.jpki.lifecycle.api.pin.ConfirmPinReset;
import jp.jpki.lifecycle.api.pin.PinResetRequested;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The card answers through the card-work saga, without the caller's metadata; the events those answers cause still
 * name the office, operator, municipality and channel of the counter request (R-STA-1), which statistics count by.
 */
class CertificatePairOriginTest {

    private static final Map<String, Object> COUNTER = Map.of(MetadataKeys.OFFICE, "branch-7", MetadataKeys.OPERATOR, "clerk-7",
            MetadataKeys.MUNICIPALITY, MUNICIPALITY, MetadataKeys.CHANNEL, "COUNTER", MetadataKeys.TERMINAL, "T-07");

    @Test
    @DisplayName("R-STA-1: keys, certificates issued and written to the card carry the origin of the issuance request")
    void issuance() {
        List<Object> issued = new ArrayList<>(PairFixtures.issued("req-1", PairFixtures.HOLDER, PairFixtures.CARD,
                PairFixtures.CARD_EXPIRY, List.of(PairFixtures.AUTH_1, PairFixtures.SIGN_1), 0));
        issued.set(0, new GenericEventMessage<>(issued.get(0), COUNTER));
        fixtureAt(ISSUED_AT).given(issued.subList(0, 1))
                .when(keys("req-1", BOTH))
                .expectEventsMatching(allFrom(COUNTER));
        fixtureAt(ISSUED_AT).given(issued.subList(0, 3))
                .when(confirm("req-1"))
                .expectEventsMatching(allFrom(COUNTER));
    }

    @Test
    @DisplayName("R-STA-1: a PIN reset confirmed by the card counts for the office that reset it")
    void pinReset() {
        var given = new ArrayList<Object>(activePair());
        given.add(new GenericEventMessage<>(new PinResetRequested(PAIR, "req-2", "card-1", CertificateKind.AUTH, "T-07"),
                COUNTER));
        fixtureAt(ISSUED_AT).given(given)
                .when(new ConfirmPinReset(PAIR, "req-2", "card-1"))
                .expectEventsMatching(allFrom(COUNTER));
    }

    private static Matcher<List<EventMessage<?>>> allFrom(Map<String, Object> origin) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events, Description mismatch) {
                mismatch.appendText("metadata were ").appendValueList("", ", ", "",
                        events.stream().map(EventMessage::getMetaData).toList());
                return !events.isEmpty() && events.stream().allMatch(e -> e.getMetaData().entrySet().containsAll(
                        MetaData.from(origin).entrySet()));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("events all carrying ").appendValue(origin);
            }
        };
    }
}
