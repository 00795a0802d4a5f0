package jp.jpki.lifecycle.card.work;

import static jp.jpki.lifecycle.api.pair.CertificateKind.AUTH;
import static jp.jpki.lifecycle.api.pair.CertificateKind.SIGN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.jpki.lifecycle.api.card.CardPinReset;
import jp.jpki.lifecycle.api.card.CardPublicKeys;
import jp.jpki.lifecycle.api.card.CertificatesOnCard;
import jp.jpki.lifecycle.api.card.GenerateKeysOnCard;
import jp.jpki.lifecycle.api.card.ResetPinOnCard;
import jp.jpki.lifecycle.api.card.TerminalAddress;
import jp.jpki.lifecycle.api.card.WriteCertificatesToCard;
import jp.jpki.lifecycle.api.issuance.AbandonCardWork;
import jp.jpki.lifecycle.api.issuance.CardWorkAbandoned;
import jp.jpki.lifecycle.api.issuance.CardWorkFailed;
import jp.jpki.lifecycle.api.issuance.CertificatesIssued;
import jp.jpki.lifecycle.api.issuance.CertificatesWrittenToCard;
import jp.jpki.lifecycle.api.issuance.ConfirmCertificatesWritten;
import jp.jpki.lifecycle.api.issuance.IssuanceRequested;
import jp.jpki.lifecycle.api.issuance.RecordCardKeysGenerated;
import jp.jpki.lifecycle.api.issuance.RecordCardWorkFailure;
import jp.jpki.lifecycle.api.pair.ApplicantType;
import jp.jpki.lifecycle.api.pair.BasicFourItems;
import jp.jpki.lifecycle.api.pair.CardGeneration;
import jp.jpki.lifecycle.api.pair.CardInfo;
import jp.jpki.lifecycle.api.pair.HolderFacts;
import jp.jpki.lifecycle.api.pair.IssuedCertificate;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.api.pair.Sex;
import jp.jpki.lifecycle.api.pin.ConfirmPinReset;
import jp.jpki.lifecycle.api.pin.PinReset;
import jp.jpki.lifecycle.api.pin.PinResetRequested;
import jp.jpki.lifecycle.card.terminal.CardWorkException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The card-work saga (docs/architecture.md "Issuance, step by step"): each step goes to the terminal where the card
 * is, a failed step is recorded and retried after a back-off, and after {@link CardWorkSaga#MAX_ATTEMPTS} the
 * work is abandoned, which makes the command side revoke what it signed but never reached the card.
 */
class CardWorkSagaTest {

    private static final PairId PAIR = new PairId("saga-pair-0001");
    private static final String REQUEST = "req-1";
    private static final String TERMINAL = "counter-07";
    private static final String CARD = "CARD-77";
    private static final Map<jp.jpki.lifecycle.api.pair.CertificateKind, String> KEYS = Map.of(SIGN, "c2lnbi1rZXk=", AUTH, "YXV0aC1rZXk=");
    private static final Map<jp.jpki.lifecycle.api.pair.CertificateKind, String> CA = Map.of(SIGN, "c2lnbi1jYQ==", AUTH, "YXV0aC1jYQ==");
    private static final IssuedCertificate SIGN_CERT = new IssuedCertificate(SIGN, "5a", Instant.parse("2026-01-05T01:00:00Z"),
            LocalDate.parse("2031-11-14"), "c2lnbi1jZXJ0");
    private static final IssuedCertificate AUTH_CERT = new IssuedCertificate(AUTH, "a5", Instant.parse("2026-01-05T01:00:00Z"),
            LocalDate.parse("2031-11-14"), "YXV0aC1jZXJ0");

    private SagaTestFixture<CardWorkSaga> fixture;
    private CardTerminalStub terminal;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(CardWorkSaga.class);
        fixture.registerResource((CaCertificates) () -> CA);
        terminal = new CardTerminalStub();
        fixture.setCallbackBehavior(terminal);
        fixture.registerResource(new TerminalDispatcher(fixture.getCommandBus(), Runnable::run));
        fixture.registerResource(new FixtureClock(fixture));
    }

    @Test
    void happy_issuance_generates_keys_at_the_card_s_terminal_and_records_them() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(issuanceRequested())
                .expectActiveSagas(1)
                .expectDispatchedCommands(new GenerateKeysOnCard(REQUEST, CARD, Set.of(SIGN, AUTH)),
                        new RecordCardKeysGenerated(PAIR, REQUEST, CARD, KEYS));
        assertThat(commandNames()).first().isEqualTo(TerminalAddress.commandName(TERMINAL, GenerateKeysOnCard.class));
    }

    @Test
    void happy_issuance_writes_the_signed_certificates_with_the_CA_certificates_and_confirms() {
        fixture.givenAPublished(issuanceRequested())
                .whenPublishingA(certificatesIssued())
                .expectDispatchedCommands(new WriteCertificatesToCard(REQUEST, CARD, Map.of(SIGN, "c2lnbi1jZXJ0", AUTH, "YXV0aC1jZXJ0"), CA),
                        new ConfirmCertificatesWritten(PAIR, REQUEST, CARD, List.of("5a", "a5")));
        assertThat(commandNames()).first().isEqualTo(TerminalAddress.commandName(TERMINAL, WriteCertificatesToCard.class));
    }

    @Test
    void happy_issuance_ends_once_the_certificates_are_on_the_card() {
        fixture.givenAPublished(issuanceRequested()).andThenAPublished(certificatesIssued())
                .whenPublishingA(new CertificatesWrittenToCard(PAIR, REQUEST, List.of("5a", "a5")))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void R_PIN_4_a_PIN_reset_runs_at_the_terminal_and_is_confirmed() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(new PinResetRequested(PAIR, REQUEST, CARD, AUTH, TERMINAL))
                .expectDispatchedCommands(new ResetPinOnCard(REQUEST, CARD, AUTH), new ConfirmPinReset(PAIR, REQUEST, CARD));
        fixture.givenAPublished(new PinResetRequested(PAIR, REQUEST, CARD, AUTH, TERMINAL))
                .whenPublishingA(new PinReset(PAIR, REQUEST, AUTH))
                .expectActiveSagas(0);
    }

    @Test
    void a_step_whose_answer_never_arrives_is_recorded_as_failed_after_the_timeout() {
        // the keys reached the card, but the answer was lost (say the node died): nothing else would ever move on
        fixture.givenAPublished(issuanceRequested())
                .whenTimeElapses(CardWorkSaga.STEP_TIMEOUT_AFTER.plusSeconds(1))
                .expectDispatchedCommands(new RecordCardWorkFailure(PAIR, REQUEST, CardWorkSaga.STEP_KEYS, 1,
                        "no answer from terminal " + TERMINAL + " within 30 s"));
    }

    @Test
    void an_answered_step_does_not_time_out() {
        fixture.givenAPublished(issuanceRequested()).andThenAPublished(certificatesIssued())
                .andThenAPublished(new CertificatesWrittenToCard(PAIR, REQUEST, List.of("5a", "a5")))
                .whenTimeElapses(CardWorkSaga.STEP_TIMEOUT_AFTER.plusSeconds(1))
                .expectNoDispatchedCommands();
    }

    @Test
    void a_failed_key_generation_is_recorded_as_attempt_1() {
        terminal.failing(GenerateKeysOnCard.class);
        fixture.givenNoPriorActivity()
                .whenPublishingA(issuanceRequested())
                .expectActiveSagas(1)
                .expectDispatchedCommands(new GenerateKeysOnCard(REQUEST, CARD, Set.of(SIGN, AUTH)),
                        new RecordCardWorkFailure(PAIR, REQUEST, CardWorkSaga.STEP_KEYS, 1,
                                "CardWorkException: no card in reader 'R1' within 30 s"));
    }

    @Test
    void a_failed_write_is_recorded_with_its_step() {
        terminal.failing(WriteCertificatesToCard.class);
        fixture.givenAPublished(issuanceRequested())
                .whenPublishingA(certificatesIssued())
                .expectDispatchedCommands(new WriteCertificatesToCard(REQUEST, CARD, Map.of(SIGN, "c2lnbi1jZXJ0", AUTH, "YXV0aC1jZXJ0"), CA),
                        new RecordCardWorkFailure(PAIR, REQUEST, CardWorkSaga.STEP_WRITE, 1,
                                "CardWorkException: no card in reader 'R1' within 30 s"));
    }

    @Test
    void a_failed_PIN_reset_is_recorded_with_its_step() {
        terminal.failing(ResetPinOnCard.class);
        fixture.givenNoPriorActivity()
                .whenPublishingA(new PinResetRequested(PAIR, REQUEST, CARD, SIGN, TERMINAL))
                .expectDispatchedCommands(new ResetPinOnCard(REQUEST, CARD, SIGN),
                        new RecordCardWorkFailure(PAIR, REQUEST, CardWorkSaga.STEP_PIN, 1,
                                "CardWorkException: no card in reader 'R1' within 30 s"));
    }

    @Test
    void a_recorded_failure_schedules_a_retry_with_growing_back_off() {
        terminal.failing(GenerateKeysOnCard.class);
        fixture.givenAPublished(issuanceRequested())
                .whenPublishingA(failed(CardWorkSaga.STEP_KEYS, 1))
                .expectScheduledDeadlineWithName(fixture.currentTime().plus(CardWorkSaga.BACKOFF), CardWorkSaga.RETRY);
        fixture.givenAPublished(issuanceRequested()).andThenAPublished(failed(CardWorkSaga.STEP_KEYS, 1))
                .whenPublishingA(failed(CardWorkSaga.STEP_KEYS, 2))
                .expectScheduledDeadlineWithName(fixture.currentTime().plus(CardWorkSaga.BACKOFF.multipliedBy(2)), CardWorkSaga.RETRY);
    }

    @Test
    void the_retry_repeats_the_failed_step_and_a_success_then_continues() {
        terminal.failing(GenerateKeysOnCard.class);
        fixture.givenAPublished(issuanceRequested()).andThenAPublished(failed(CardWorkSaga.STEP_KEYS, 1));
        terminal.healed();
        fixture.whenTimeElapses(CardWorkSaga.BACKOFF)
                .expectTriggeredDeadlinesWithName(CardWorkSaga.RETRY)
                .expectDispatchedCommands(new GenerateKeysOnCard(REQUEST, CARD, Set.of(SIGN, AUTH)),
                        new RecordCardKeysGenerated(PAIR, REQUEST, CARD, KEYS));
    }

    @Test
    void a_retried_write_sends_the_same_certificates_again() {
        terminal.failing(WriteCertificatesToCard.class);
        fixture.givenAPublished(issuanceRequested()).andThenAPublished(certificatesIssued())
                .andThenAPublished(failed(CardWorkSaga.STEP_WRITE, 1));
        fixture.whenTimeElapses(CardWorkSaga.BACKOFF)
                .expectTriggeredDeadlinesWithName(CardWorkSaga.RETRY)
                .expectDispatchedCommands(new WriteCertificatesToCard(REQUEST, CARD, Map.of(SIGN, "c2lnbi1jZXJ0", AUTH, "YXV0aC1jZXJ0"), CA),
                        new RecordCardWorkFailure(PAIR, REQUEST, CardWorkSaga.STEP_WRITE, 2,
                                "CardWorkException: no card in reader 'R1' within 30 s"));
    }

    @Test
    void retries_exhausted_abandon_the_work() {
        terminal.failing(GenerateKeysOnCard.class);
        fixture.givenAPublished(issuanceRequested())
                .andThenAPublished(failed(CardWorkSaga.STEP_KEYS, 1))
                .andThenAPublished(failed(CardWorkSaga.STEP_KEYS, 2))
                .whenPublishingA(failed(CardWorkSaga.STEP_KEYS, CardWorkSaga.MAX_ATTEMPTS))
                .expectDispatchedCommands(new AbandonCardWork(PAIR, REQUEST,
                        "GENERATE_KEYS failed 3 times: CardWorkException: no card in reader 'R1' within 30 s"));
    }

    /**
     * Compensation: certificates were signed (CertificatesIssued) but the write never succeeded. The saga
     * abandons the request; the aggregate answers AbandonCardWork by revoking every certificate it signed for
     * the request ({@code unspecified}, R-REV-1) before CardWorkAbandoned, which ends the saga.
     */
    @Test
    void compensation_a_certificate_signed_but_never_written_is_handed_back_for_revocation() {
        terminal.failing(WriteCertificatesToCard.class);
        fixture.givenAPublished(issuanceRequested()).andThenAPublished(certificatesIssued())
                .andThenAPublished(failed(CardWorkSaga.STEP_WRITE, 1))
                .andThenAPublished(failed(CardWorkSaga.STEP_WRITE, 2))
                .whenPublishingA(failed(CardWorkSaga.STEP_WRITE, 3))
                .expectDispatchedCommands(new AbandonCardWork(PAIR, REQUEST,
                        "WRITE_CERTIFICATES failed 3 times: CardWorkException: no card in reader 'R1' within 30 s"));
        fixture.givenAPublished(issuanceRequested()).andThenAPublished(certificatesIssued())
                .andThenAPublished(failed(CardWorkSaga.STEP_WRITE, 3))
                .whenPublishingA(new CardWorkAbandoned(PAIR, REQUEST, "WRITE_CERTIFICATES failed 3 times"))
                .expectActiveSagas(0);
    }

    @Test
    void a_second_report_of_one_failed_attempt_brings_no_second_retry() {
        // the card's late answer and the step timeout can both report attempt 1
        fixture.givenAPublished(issuanceRequested()).andThenAPublished(failed(CardWorkSaga.STEP_KEYS, 1))
                .andThenAPublished(failed(CardWorkSaga.STEP_KEYS, 1))
                .whenTimeElapses(CardWorkSaga.BACKOFF)
                .expectDispatchedCommands(new GenerateKeysOnCard(REQUEST, CARD, Set.of(SIGN, AUTH)),
                        new RecordCardKeysGenerated(PAIR, REQUEST, CARD, KEYS));
    }

    @Test
    void R_CRD_5_an_answer_the_pair_refuses_is_recorded_as_a_failed_attempt() {
        // e.g. keys generated again for a request whose certificates were already signed over the first ones
        terminal.failing(RecordCardKeysGenerated.class);
        fixture.givenNoPriorActivity()
                .whenPublishingA(issuanceRequested())
                .expectDispatchedCommands(new GenerateKeysOnCard(REQUEST, CARD, Set.of(SIGN, AUTH)),
                        new RecordCardKeysGenerated(PAIR, REQUEST, CARD, KEYS),
                        new RecordCardWorkFailure(PAIR, REQUEST, CardWorkSaga.STEP_KEYS, 1,
                                "CardWorkException: no card in reader 'R1' within 30 s"));
    }

    @Test
    void R_CRD_5_a_retry_of_a_step_the_work_has_moved_past_does_not_generate_keys_again() {
        // the key step timed out, then its answer arrived after all and the certificates were signed over those keys
        fixture.givenAPublished(issuanceRequested()).andThenAPublished(failed(CardWorkSaga.STEP_KEYS, 1))
                .andThenAPublished(certificatesIssued())
                .whenTimeElapses(CardWorkSaga.BACKOFF)
                .expectTriggeredDeadlinesWithName(CardWorkSaga.RETRY)
                .expectNoDispatchedCommands();
    }

    @Test
    void a_redelivered_start_event_does_not_send_the_first_step_again() {
        fixture.givenAPublished(issuanceRequested())
                .whenPublishingA(issuanceRequested())
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();
    }

    @Test
    void the_timeout_of_an_answered_step_does_nothing() {
        fixture.givenAPublished(issuanceRequested()).andThenAPublished(certificatesIssued())
                .whenTimeElapses(CardWorkSaga.STEP_TIMEOUT_AFTER.minusSeconds(1))
                .expectNoDispatchedCommands();
    }

    /** The application clock as the saga sees it: the fixture's own time, which {@code whenTimeElapses} moves. */
    private static final class FixtureClock extends java.time.Clock {
        private final SagaTestFixture<?> fixture;

        FixtureClock(SagaTestFixture<?> fixture) {
            this.fixture = fixture;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return fixture.currentTime();
        }
    }

    private List<String> commandNames() {
        return fixture.getCommandBus().getDispatchedCommands().stream().map(CommandMessage::getCommandName).toList();
    }

    private static CardWorkFailed failed(String step, int attempt) {
        return new CardWorkFailed(PAIR, REQUEST, step, attempt, "CardWorkException: no card in reader 'R1' within 30 s");
    }

    private static CertificatesIssued certificatesIssued() {
        return new CertificatesIssued(PAIR, REQUEST, List.of(SIGN_CERT, AUTH_CERT), 0);
    }

    private static IssuanceRequested issuanceRequested() {
        HolderFacts holder = new HolderFacts("R-1", "131121",
                new BasicFourItems("Test Taro", "Setagaya 1-1", LocalDate.parse("1985-11-14"), Sex.MALE), false);
        CardInfo card = new CardInfo(CARD, LocalDate.parse("2024-01-10"), LocalDate.parse("2024-02-01"), null,
                CardGeneration.FIRST, false);
        return new IssuanceRequested(PAIR, REQUEST, holder, card, LocalDate.parse("2034-11-14"), Set.of(SIGN, AUTH),
                ApplicantType.RESIDENT, TERMINAL, 0, null);
    }

    /** What the terminal agent answers on the recording command bus: keys, success, or a failure for one order type. */
    private static final class CardTerminalStub implements org.axonframework.test.utils.CallbackBehavior {
        private Class<?> failing;

        void failing(Class<?> orderType) {
            failing = orderType;
        }

        void healed() {
            failing = null;
        }

        @Override
        public Object handle(Object payload, org.axonframework.messaging.MetaData metaData) {
            if (failing != null && failing.isInstance(payload)) {
                throw new CardWorkException("no card in reader 'R1' within 30 s");
            }
            if (payload instanceof GenerateKeysOnCard keys) {
                return new CardPublicKeys(keys.cardId(), KEYS);
            }
            if (payload instanceof WriteCertificatesToCard write) {
                return new CertificatesOnCard(write.cardId(), List.of("5a", "a5"));
            }
            return payload instanceof ResetPinOnCard reset ? new CardPinReset(reset.cardId(), reset.kind()) : null;
        }
    }
}
