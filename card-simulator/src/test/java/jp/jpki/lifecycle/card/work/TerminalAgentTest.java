package jp.jpki.lifecycle.card.work;

import static jp.jpki.lifecycle.api.pair.CertificateKind.AUTH;
import static jp.jpki.lifecycle.api.pair.CertificateKind.SIGN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Set;
import jp.jpki.lifecycle.api.card.CardPublicKeys;
import jp.jpki.lifecycle.api.card.CardWorkOrder;
import jp.jpki.lifecycle.api.card.GenerateKeysOnCard;
import jp.jpki.lifecycle.api.card.TerminalAddress;
import jp.jpki.lifecycle.card.jpki.IssuerKey;
import jp.jpki.lifecycle.card.pinentry.TypedPinEntry;
import jp.jpki.lifecycle.card.support.ScriptedPinPad;
import jp.jpki.lifecycle.card.terminal.JpkiCardStation;
import jp.jpki.lifecycle.cardsim.InProcessCardReader;
import jp.jpki.lifecycle.cardsim.VirtualCards;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.messaging.GenericMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The terminal agent remembers what it did for a card and a request together, never for a request id alone. */
class TerminalAgentTest {

    private static final IssuerKey ISSUER = IssuerKey.generate();

    @TempDir
    Path dir;
    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();
    private TerminalAgent agent;

    @BeforeEach
    void setUp() {
        InProcessCardReader reader = new InProcessCardReader(new VirtualCards(dir, ISSUER.publicKey(), new SecureRandom()));
        agent = new TerminalAgent(bus, new JpkiCardStation("t-agent", reader, ISSUER, new TypedPinEntry(new ScriptedPinPad())));
        agent.start();
    }

    @AfterEach
    void tearDown() {
        agent.stop();
    }

    @Test
    void R_CRD_5_the_same_request_id_on_another_card_is_new_work_on_that_card_not_an_answer_from_memory() {
        CardPublicKeys first = (CardPublicKeys) send(new GenerateKeysOnCard("shared-request", "CARD-AG1", Set.of(SIGN, AUTH)));
        CardPublicKeys second = (CardPublicKeys) send(new GenerateKeysOnCard("shared-request", "CARD-AG2", Set.of(SIGN, AUTH)));
        assertThat(first.cardId()).isEqualTo("CARD-AG1");
        assertThat(second.cardId()).isEqualTo("CARD-AG2");
        assertThat(second.publicKeys().get(SIGN)).as("the second card's own key").isNotEqualTo(first.publicKeys().get(SIGN));
        assertThat(second.publicKeys().get(AUTH)).isNotEqualTo(first.publicKeys().get(AUTH));
    }

    @Test
    void a_redelivered_order_for_the_same_card_and_request_is_answered_from_memory_without_new_keys() {
        GenerateKeysOnCard order = new GenerateKeysOnCard("request-1", "CARD-AG3", Set.of(AUTH));
        CardPublicKeys first = (CardPublicKeys) send(order);
        CardPublicKeys again = (CardPublicKeys) send(order);
        assertThat(again).isEqualTo(first);
    }

    private Object send(CardWorkOrder order) {
        FutureCallback<Object, Object> answer = new FutureCallback<>();
        bus.dispatch(new GenericCommandMessage<>(new GenericMessage<>(order),
                TerminalAddress.commandName("t-agent", order.getClass())), answer);
        return answer.getResult().getPayload();
    }
}
