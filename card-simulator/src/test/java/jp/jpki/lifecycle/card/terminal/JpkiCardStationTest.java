package jp.jpki.lifecycle.card.terminal;

import static jp.jpki.lifecycle.api.pair.CertificateKind.AUTH;
import static jp.jpki.lifecycle.api.pair.CertificateKind.SIGN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;
import jp.jpki.lifecycle.api.card.CardPublicKeys;
import jp.jpki.lifecycle.api.card.CertificatesOnCard;
import jp.jpki.lifecycle.api.card.GenerateKeysOnCard;
import jp.jpki.lifecycle.api.card.ResetPinOnCard;
import jp.jpki.lifecycle.api.card.WriteCertificatesToCard;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.card.jpki.CardResult;
import jp.jpki.lifecycle.card.jpki.IssuerKey;
import jp.jpki.lifecycle.card.jpki.JpkiCard;
import jp.jpki.lifecycle.card.jpki.JpkiFile;
import jp.jpki.lifecycle.card.pinentry.TypedPinEntry;
import jp.jpki.lifecycle.card.support.ScriptedPinPad;
import jp.jpki.lifecycle.card.support.TestCa;
import jp.jpki.lifecycle.cardsim.InProcessCardReader;
import jp.jpki.lifecycle.cardsim.VirtualCards;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default's station: card work through the APDU protocol on the in-process virtual card. */
class JpkiCardStationTest {

    private static final IssuerKey ISSUER = IssuerKey.generate();
    private static final TestCa CA = new TestCa("station test CA");

    @TempDir
    Path dir;
    private final ScriptedPinPad pinPad = new ScriptedPinPad();
    private InProcessCardReader reader;
    private JpkiCardStation station;

    @BeforeEach
    void setUp() {
        reader = new InProcessCardReader(new VirtualCards(dir, ISSUER.publicKey(), new SecureRandom()));
        station = new JpkiCardStation("t-1", reader, ISSUER, new TypedPinEntry(pinPad));
    }

    @Test
    void R_CRD_2_keys_generated_on_the_card_come_back_as_RSA_2048_public_keys_and_the_certificates_are_written()
            throws Exception {
        CardPublicKeys keys = station.generateKeys(new GenerateKeysOnCard("r1", "CARD-S1", Set.of(SIGN, AUTH)));
        String auth = CA.issueBase64(keys.publicKeys().get(AUTH));
        String sign = CA.issueBase64(keys.publicKeys().get(SIGN));
        station.writeCertificates(new WriteCertificatesToCard("r1", "CARD-S1", Map.of(AUTH, auth, SIGN, sign),
                Map.of(AUTH, CA.certificateBase64(), SIGN, CA.certificateBase64())));
        try (CardConnection connection = reader.connect("CARD-S1")) {
            JpkiCard card = new JpkiCard(connection);
            card.selectApplication();
            assertThat(TestCa.base64(card.certificate(AUTH))).isEqualTo(auth);
            assertThat(card.retryCounter(SIGN)).as("the PIN chosen at issuance is set").isEqualTo(new CardResult.WrongPin(5));
        }
    }

    @Test
    void R_CRD_5_the_write_answers_the_card_it_wrote_and_the_serials_on_it() {
        CardPublicKeys keys = station.generateKeys(new GenerateKeysOnCard("r10", "CARD-B1", Set.of(SIGN, AUTH)));
        assertThat(keys.cardId()).isEqualTo("CARD-B1");
        X509Certificate auth = JpkiCard.parse(java.util.Base64.getDecoder().decode(CA.issueBase64(keys.publicKeys().get(AUTH))));
        X509Certificate sign = JpkiCard.parse(java.util.Base64.getDecoder().decode(CA.issueBase64(keys.publicKeys().get(SIGN))));
        CertificatesOnCard written = station.writeCertificates(new WriteCertificatesToCard("r10", "CARD-B1",
                Map.of(AUTH, TestCa.base64(auth), SIGN, TestCa.base64(sign)), Map.of()));
        assertThat(written.cardId()).isEqualTo("CARD-B1");
        assertThat(written.serials()).containsExactlyInAnyOrder(auth.getSerialNumber().toString(16), sign.getSerialNumber().toString(16));
    }

    @Test
    void R_CRD_5_a_certificate_over_another_card_s_key_is_refused_before_anything_is_written() throws Exception {
        CardPublicKeys first = station.generateKeys(new GenerateKeysOnCard("same-request", "CARD-B2", Set.of(SIGN, AUTH)));
        station.generateKeys(new GenerateKeysOnCard("same-request", "CARD-B3", Set.of(SIGN, AUTH)));
        String overFirstCard = CA.issueBase64(first.publicKeys().get(AUTH));
        assertThatThrownBy(() -> station.writeCertificates(new WriteCertificatesToCard("same-request", "CARD-B3",
                Map.of(AUTH, overFirstCard), Map.of(AUTH, CA.certificateBase64()))))
                .isInstanceOf(CardWorkException.class).hasMessageContaining("R-CRD-5").hasMessageContaining("CARD-B3");
        try (CardConnection connection = reader.connect("CARD-B3")) {
            JpkiCard card = new JpkiCard(connection);
            card.selectApplication();
            assertThat(card.readCertificate(JpkiFile.certificate(AUTH)).dataOrThrow("read")).as("nothing written").isEmpty();
            assertThat(card.readCertificate(JpkiFile.ca(AUTH)).dataOrThrow("read")).as("not even the CA certificate").isEmpty();
        }
    }

    @Test
    void R_CRD_5_certificates_over_keys_the_card_has_since_replaced_are_refused() {
        // a terminal that lost its memory (a restart) generated the keys again: the signed certificates no longer fit
        CardPublicKeys before = station.generateKeys(new GenerateKeysOnCard("r11", "CARD-B4", Set.of(AUTH)));
        String overOldKey = CA.issueBase64(before.publicKeys().get(AUTH));
        station.generateKeys(new GenerateKeysOnCard("r11", "CARD-B4", Set.of(AUTH)));
        assertThatThrownBy(() -> station.writeCertificates(new WriteCertificatesToCard("r11", "CARD-B4",
                Map.of(AUTH, overOldKey), Map.of())))
                .isInstanceOf(CardWorkException.class).hasMessageContaining("R-CRD-5");
    }

    @Test
    void R_CRD_5_a_card_without_keys_takes_no_certificate() {
        CardPublicKeys elsewhere = station.generateKeys(new GenerateKeysOnCard("r12", "CARD-B5", Set.of(AUTH)));
        assertThatThrownBy(() -> station.writeCertificates(new WriteCertificatesToCard("r12", "CARD-BLANK",
                Map.of(AUTH, CA.issueBase64(elsewhere.publicKeys().get(AUTH))), Map.of())))
                .isInstanceOf(CardWorkException.class).hasMessageContaining("R-CRD-5");
    }

    @Test
    void a_station_refuses_to_work_on_another_card_than_the_order_names() {
        JpkiCardStation wrongReader = new JpkiCardStation("t-1", cardId -> {
            try {
                return reader.connect("CARD-OTHER");
            } catch (javax.smartcardio.CardException e) {
                throw new IllegalStateException(e);
            }
        }, ISSUER, new TypedPinEntry(pinPad));
        assertThatThrownBy(() -> wrongReader.generateKeys(new GenerateKeysOnCard("r2", "CARD-S2", Set.of(AUTH))))
                .isInstanceOf(CardWorkException.class).hasMessageContaining("is CARD-OTHER, not CARD-S2");
    }

    @Test
    void R_PIN_5_a_failure_names_the_step_and_the_card_answer_but_never_a_PIN() {
        station.generateKeys(new GenerateKeysOnCard("r3", "CARD-S3", Set.of(AUTH)));
        pinPad.willChoose(AUTH, "12345"); // not 4 digits: refused at the pad (R-PIN-1) before reaching the card
        assertThatThrownBy(() -> station.resetPin(new ResetPinOnCard("r4", "CARD-S3", AUTH)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("R-PIN-1").hasMessageNotContaining("12345");
        JpkiCardStation foreign = new JpkiCardStation("t-1", reader, IssuerKey.generate(), new TypedPinEntry(pinPad));
        assertThatThrownBy(() -> foreign.resetPin(new ResetPinOnCard("r5", "CARD-S3", AUTH)))
                .isInstanceOf(CardWorkException.class).hasMessageContaining("RESET_PIN").hasMessageContaining("6300");
    }

    @Test
    void R_PIN_2_a_lock_seen_at_the_counter_is_reported_once_per_observation_and_cleared_by_a_reset() {
        station.generateKeys(new GenerateKeysOnCard("r6", "CARD-S4", Set.of(SIGN, AUTH)));
        CommandGateway commands = mock(CommandGateway.class);
        CounterPinCheck check = new CounterPinCheck("t-1", reader, new TypedPinEntry(pinPad), commands);
        PairId pair = new PairId("station-pair-1");
        pinPad.willType(AUTH, "1111", "1111");
        assertThat(check.verify(pair, "CARD-S4", AUTH)).isEqualTo(new CardResult.WrongPin(2));
        assertThat(check.verify(pair, "CARD-S4", AUTH)).isEqualTo(new CardResult.WrongPin(1));
        verify(commands, never()).sendAndWait(any());
        pinPad.willType(AUTH, "1111");
        assertThat(check.verify(pair, "CARD-S4", AUTH)).isEqualTo(new CardResult.Blocked());
        verify(commands).sendAndWait(any());

        station.resetPin(new ResetPinOnCard("r7", "CARD-S4", AUTH));
        assertThat(check.inspect(pair, "CARD-S4")).containsEntry(AUTH, new CardResult.WrongPin(3))
                .containsEntry(SIGN, new CardResult.WrongPin(5));
    }
}
