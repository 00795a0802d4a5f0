package jp.jpki.lifecycle.card.pcsc;

import static jp.jpki.lifecycle.api.pair.CertificateKind.AUTH;
import static jp.jpki.lifecycle.api.pair.CertificateKind.SIGN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import jp.jpki.lifecycle.api.card.CardPublicKeys;
import jp.jpki.lifecycle.api.card.GenerateKeysOnCard;
import jp.jpki.lifecycle.api.card.ResetPinOnCard;
import jp.jpki.lifecycle.api.card.WriteCertificatesToCard;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.api.pin.RecordPinLock;
import jp.jpki.lifecycle.card.jpki.CardResult;
import jp.jpki.lifecycle.card.jpki.IssuerKey;
import jp.jpki.lifecycle.card.jpki.JpkiCard;
import jp.jpki.lifecycle.card.jpki.JpkiFile;
import jp.jpki.lifecycle.card.jpki.Pin;
import jp.jpki.lifecycle.card.pinentry.PinPadFeatures;
import jp.jpki.lifecycle.card.pinentry.ReaderPinPadEntry;
import jp.jpki.lifecycle.card.pinentry.TypedPinEntry;
import jp.jpki.lifecycle.card.support.ScriptedPinPad;
import jp.jpki.lifecycle.card.support.TestCa;
import jp.jpki.lifecycle.card.terminal.CardConnection;
import jp.jpki.lifecycle.card.terminal.CounterPinCheck;
import jp.jpki.lifecycle.card.terminal.JpkiCardStation;
import jp.jpki.lifecycle.cardsim.VirtualCards;
import jp.jpki.lifecycle.cardsim.VpcdConnector;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's javax.smartcardio code against the virtual card behind the real pcscd (vsmartcard-vpcd), and
 * OpenSC's own JPKI driver and PKCS#11 module against the same card. Each test starts from a fresh issuance
 * done through pcscd by {@link JpkiCardStation}.
 */
@ExtendWith(PcscStack.class)
class PcscCardIT {

    private static final String CARD = "IT-CARD-0001";
    private static final PairId PAIR = new PairId("it-pair-0001");
    private static final IssuerKey ISSUER = IssuerKey.generate();
    private static final TestCa AUTH_CA = new TestCa("JPKI for user authentication (test)");
    private static final TestCa SIGN_CA = new TestCa("JPKI for digital signature (test)");

    @TempDir
    static Path cardsDir;
    private static VpcdConnector cardInReader;
    private static PcscCardReader reader;

    private final ScriptedPinPad pinPad = new ScriptedPinPad();
    private final CommandGateway commands = mock(CommandGateway.class);
    private JpkiCardStation station;
    private Map<CertificateKind, String> issued;

    @BeforeAll
    static void insertCard(PrivatePcscd pcscd) {
        cardInReader = new VpcdConnector(new VirtualCards(cardsDir, ISSUER.publicKey(), new SecureRandom()).card(CARD),
                "127.0.0.1", pcscd.vpcdPort()).start();
        reader = new PcscCardReader(PrivatePcscd.READER, Duration.ofSeconds(10));
    }

    @AfterAll
    static void removeCard() {
        if (cardInReader != null) {
            cardInReader.close();
        }
    }

    @BeforeEach
    void issueThroughPcscd() {
        station = new JpkiCardStation("it-terminal", reader, ISSUER, new TypedPinEntry(pinPad));
        CardPublicKeys keys = station.generateKeys(new GenerateKeysOnCard("req-keys", CARD, Set.of(SIGN, AUTH)));
        issued = Map.of(AUTH, AUTH_CA.issueBase64(keys.publicKeys().get(AUTH)),
                SIGN, SIGN_CA.issueBase64(keys.publicKeys().get(SIGN)));
        station.writeCertificates(new WriteCertificatesToCard("req-write", CARD, issued,
                Map.of(AUTH, AUTH_CA.certificateBase64(), SIGN, SIGN_CA.certificateBase64())));
    }

    @Test
    void R_CRD_1_the_gateway_reads_both_certificates_back_through_pcscd() throws Exception {
        try (CardConnection connection = reader.connect(CARD)) {
            JpkiCard card = new JpkiCard(connection);
            card.selectApplication();
            assertThat(TestCa.base64(card.certificate(AUTH))).isEqualTo(issued.get(AUTH));
            assertThat(card.readCertificate(JpkiFile.AUTH_CA).dataOrThrow("read")).isEqualTo(AUTH_CA.certificate().getEncoded());
            assertThat(card.readCertificate(JpkiFile.SIGN_CERTIFICATE)).isInstanceOf(CardResult.SecurityNotSatisfied.class);
            assertThat(card.verify(SIGN, Pin.entered(pinPad.currentPin(SIGN)))).isInstanceOf(CardResult.Verified.class);
            assertThat(TestCa.base64(card.certificate(SIGN))).isEqualTo(issued.get(SIGN));
        }
    }

    @Test
    void R_PIN_2_R_PIN_6_wrong_AUTH_PINs_count_down_lock_after_3_and_the_lock_is_reported_then_reset() throws Exception {
        assertLocksAfter(AUTH, 3, "0000");
    }

    @Test
    void R_PIN_2_R_PIN_6_wrong_SIGN_PINs_count_down_lock_after_5_and_the_lock_is_reported_then_reset() throws Exception {
        assertLocksAfter(SIGN, 5, "WRONG9");
    }

    private void assertLocksAfter(CertificateKind kind, int maxTries, String wrongPin) throws Exception {
        CounterPinCheck check = new CounterPinCheck("it-terminal", reader, new TypedPinEntry(pinPad), commands);
        for (int left = maxTries - 1; left >= 1; left--) {
            pinPad.willType(kind, wrongPin);
            assertThat(check.verify(PAIR, CARD, kind)).isEqualTo(new CardResult.WrongPin(left));
        }
        verify(commands, never()).sendAndWait(argThat(m -> true));
        pinPad.willType(kind, wrongPin);
        assertThat(check.verify(PAIR, CARD, kind)).isEqualTo(new CardResult.Blocked());
        assertThat(check.verify(PAIR, CARD, kind)).as("even the right PIN, once blocked").isEqualTo(new CardResult.Blocked());
        verify(commands, org.mockito.Mockito.times(2)).sendAndWait(argThat(
                (Object m) -> m instanceof CommandMessage<?> c && c.getPayload().equals(new RecordPinLock(PAIR, kind))));
        assertThat(check.inspect(PAIR, CARD).get(kind)).isEqualTo(new CardResult.Blocked());

        pinPad.willChoose(kind, kind == AUTH ? "8642" : "NEW2PIN");
        station.resetPin(new ResetPinOnCard("req-reset", CARD, kind));
        assertThat(check.inspect(PAIR, CARD).get(kind)).isEqualTo(new CardResult.WrongPin(maxTries));
        assertThat(check.verify(PAIR, CARD, kind)).isInstanceOf(CardResult.Verified.class);
    }

    @Test
    void the_vpcd_reader_has_no_PIN_pad_so_reader_pinpad_entry_sends_the_PIN_to_the_keypad() throws Exception {
        try (CardConnection connection = reader.connect(CARD)) {
            assertThat(PinPadFeatures.of(connection.readerControl().orElseThrow()).verifyPinDirect()).isEmpty();
        }
        CounterPinCheck check = new CounterPinCheck("it-terminal", reader,
                new ReaderPinPadEntry("it-terminal", new TypedPinEntry(pinPad), 30), commands);
        assertThat(check.verify(PAIR, CARD, AUTH)).isInstanceOf(CardResult.Verified.class);
    }

    @Test
    void OpenSC_lists_the_AUTH_certificate_which_verifies_with_the_CA_and_signs_through_PKCS11(@TempDir Path work)
            throws Exception {
        OpenSc.Run list = OpenSc.run(work, "pkcs15-tool", "--reader", PrivatePcscd.READER, "--list-certificates");
        assertThat(list.exitCode()).as(list.output()).isZero();
        assertThat(list.output()).contains("User Authentication Certificate", "Digital Signature Certificate");

        OpenSc.Run read = OpenSc.run(work, "pkcs15-tool", "--reader", PrivatePcscd.READER, "--read-certificate", "01",
                "--output", "auth.pem");
        assertThat(read.exitCode()).as(read.output()).isZero();
        Files.writeString(work.resolve("authca.pem"), pem(AUTH_CA.certificate().getEncoded()));
        OpenSc.Run verified = OpenSc.run(work, "openssl", "verify", "-CAfile", "authca.pem", "auth.pem");
        assertThat(verified.output()).contains("auth.pem: OK");

        Files.writeString(work.resolve("data.txt"), "signed at the counter through OpenSC");
        OpenSc.Run sign = OpenSc.run(work, "pkcs11-tool", "--module", OpenSc.PKCS11_MODULE, "--slot-index", "0",
                "--login", "--pin", pinPad.currentPin(AUTH), "--sign", "--mechanism", "SHA256-RSA-PKCS", "--id", "01",
                "--input-file", "data.txt", "--output-file", "data.sig");
        assertThat(sign.exitCode()).as(sign.output()).isZero();
        OpenSc.run(work, "openssl", "x509", "-in", "auth.pem", "-pubkey", "-noout", "-out", "authpub.pem");
        OpenSc.Run signature = OpenSc.run(work, "openssl", "dgst", "-sha256", "-verify", "authpub.pem", "-signature",
                "data.sig", "data.txt");
        assertThat(signature.output()).contains("Verified OK");
    }

    private static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }
}
