package jp.jpki.lifecycle.cardsim;

import static jp.jpki.lifecycle.api.pair.CertificateKind.AUTH;
import static jp.jpki.lifecycle.api.pair.CertificateKind.SIGN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.HexFormat;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import jp.jpki.lifecycle.card.jpki.CardRefusedException;
import jp.jpki.lifecycle.card.jpki.CardResult;
import jp.jpki.lifecycle.card.jpki.IssuerChannel;
import jp.jpki.lifecycle.card.jpki.IssuerKey;
import jp.jpki.lifecycle.card.jpki.JpkiCard;
import jp.jpki.lifecycle.card.jpki.JpkiFile;
import jp.jpki.lifecycle.card.jpki.Pin;
import jp.jpki.lifecycle.card.support.TestCa;
import jp.jpki.lifecycle.card.terminal.CardConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The virtual card through the gateway's own protocol code (R-CRD-1, R-CRD-2, R-CRD-4, R-PIN-2, R-PIN-6). */
class VirtualJpkiCardTest {

    private static final IssuerKey ISSUER = IssuerKey.generate();
    private static final TestCa AUTH_CA = new TestCa("test auth CA");

    @TempDir
    Path dir;
    private CardConnection connection;

    @BeforeEach
    void insertCard() throws Exception {
        connection = reader().connect("CARD-T1");
    }

    @AfterEach
    void removeCard() {
        connection.close();
    }

    @Test
    void R_CRD_4_issuance_commands_are_refused_without_issuer_authentication() throws Exception {
        JpkiCard card = new JpkiCard(connection);
        card.selectApplication();
        card.select(JpkiFile.AUTH_KEY);
        assertThat(sw("80460000000000")).isEqualTo(0x6982);
        card.select(JpkiFile.AUTH_CERTIFICATE);
        assertThat(sw("00D6000004" + "30820000")).isEqualTo(0x6982);
        assertThat(sw("000E0000")).isEqualTo(0x6982);
        card.select(JpkiFile.AUTH_PIN);
        assertThat(sw("002C02800431323334")).isEqualTo(0x6982);
    }

    @Test
    void R_CRD_4_a_foreign_issuer_key_is_not_accepted() {
        assertThatThrownBy(() -> IssuerChannel.open(connection, IssuerKey.generate()))
                .isInstanceOf(CardRefusedException.class).hasMessageContaining("EXTERNAL AUTHENTICATE")
                .hasMessageContaining("6300");
    }

    @Test
    void R_CRD_4_a_challenge_serves_one_authentication_only() {
        assertThat(sw("0084000010")).isEqualTo(0x9000);
        assertThat(sw("00820081" + "02" + "3000")).isEqualTo(0x6300);
        assertThat(sw("00820081" + "02" + "3000")).isEqualTo(0x6985);
    }

    @Test
    void R_CRD_2_keys_made_on_the_card_sign_a_DigestInfo_that_verifies_with_the_issued_certificate() throws Exception {
        IssuerChannel issuer = IssuerChannel.open(connection, ISSUER);
        RSAPublicKey key = issuer.generateKeyPair(AUTH);
        assertThat(key.getModulus().bitLength()).isEqualTo(2048);
        issuer.resetPin(AUTH, Pin.chosen(AUTH, "1234"));
        var certificate = AUTH_CA.issue(key);
        issuer.write(JpkiFile.AUTH_CERTIFICATE, certificate.getEncoded());

        JpkiCard card = new JpkiCard(connection);
        card.selectApplication();
        assertThat(card.certificate(AUTH)).isEqualTo(certificate);
        byte[] document = "a document".getBytes();
        assertThat(card.sign(AUTH, sha256DigestInfo(document))).isInstanceOf(CardResult.SecurityNotSatisfied.class);
        assertThat(card.verify(AUTH, Pin.entered("1234"))).isInstanceOf(CardResult.Verified.class);
        byte[] signature = card.sign(AUTH, sha256DigestInfo(document)).dataOrThrow("sign");

        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(certificate);
        verifier.update(document);
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void R_PIN_2_R_PIN_6_AUTH_locks_after_three_wrong_entries_and_then_refuses_even_the_right_PIN() throws Exception {
        issue(AUTH, "1234");
        issue(SIGN, "ABC123");
        JpkiCard card = new JpkiCard(connection);
        card.selectApplication();
        assertThat(card.retryCounter(AUTH)).isEqualTo(new CardResult.WrongPin(3));
        assertThat(card.verify(AUTH, Pin.entered("0000"))).isEqualTo(new CardResult.WrongPin(2));
        assertThat(card.verify(AUTH, Pin.entered("0000"))).isEqualTo(new CardResult.WrongPin(1));
        assertThat(card.verify(AUTH, Pin.entered("0000"))).isEqualTo(new CardResult.Blocked());
        assertThat(sw("0020008004" + "31323334")).as("right PIN on a blocked PIN").isEqualTo(0x6984);
        assertThat(sw("00200080")).as("OpenSC needs 63C0, not 6983, for a blocked counter").isEqualTo(0x63C0);
        assertThat(card.retryCounter(SIGN)).as("the locks are independent").isEqualTo(new CardResult.WrongPin(5));
    }

    @Test
    void R_PIN_2_SIGN_locks_after_five_and_a_right_entry_resets_the_count() throws Exception {
        issue(SIGN, "ABC123");
        JpkiCard card = new JpkiCard(connection);
        card.selectApplication();
        assertThat(card.verify(SIGN, Pin.entered("WRONG1"))).isEqualTo(new CardResult.WrongPin(4));
        assertThat(card.verify(SIGN, Pin.entered("ABC123"))).isInstanceOf(CardResult.Verified.class);
        assertThat(card.retryCounter(SIGN)).isEqualTo(new CardResult.WrongPin(5));
        for (int tries = 4; tries >= 1; tries--) {
            assertThat(card.verify(SIGN, Pin.entered("WRONG1"))).isEqualTo(new CardResult.WrongPin(tries));
        }
        assertThat(card.verify(SIGN, Pin.entered("WRONG1"))).isEqualTo(new CardResult.Blocked());
    }

    @Test
    void R_CRD_1_the_SIGN_certificate_is_readable_only_after_the_SIGN_PIN() throws Exception {
        issue(SIGN, "ABC123");
        JpkiCard card = new JpkiCard(connection);
        card.selectApplication();
        assertThat(card.readCertificate(JpkiFile.SIGN_CERTIFICATE)).isInstanceOf(CardResult.SecurityNotSatisfied.class);
        card.verify(SIGN, Pin.entered("ABC123"));
        assertThat(card.readCertificate(JpkiFile.SIGN_CERTIFICATE)).isInstanceOf(CardResult.Done.class);
        card.selectApplication();
        assertThat(card.readCertificate(JpkiFile.SIGN_CERTIFICATE)).as("selecting the AP logs out")
                .isInstanceOf(CardResult.SecurityNotSatisfied.class);
    }

    @Test
    void R_PIN_4_a_reset_clears_the_lock_and_sets_the_new_PIN() throws Exception {
        issue(AUTH, "1234");
        JpkiCard card = new JpkiCard(connection);
        card.selectApplication();
        for (int i = 0; i < 3; i++) {
            card.verify(AUTH, Pin.entered("9999"));
        }
        IssuerChannel.open(connection, ISSUER).resetPin(AUTH, Pin.chosen(AUTH, "5678"));
        assertThat(card.retryCounter(AUTH)).isEqualTo(new CardResult.WrongPin(3));
        assertThat(card.verify(AUTH, Pin.entered("5678"))).isInstanceOf(CardResult.Verified.class);
        assertThat(card.verify(AUTH, Pin.entered("1234"))).isEqualTo(new CardResult.WrongPin(2));
    }

    @Test
    void counters_keys_and_certificates_survive_a_restart_and_the_file_holds_no_PIN() throws Exception {
        String certificate = issue(AUTH, "4321");
        JpkiCard card = new JpkiCard(connection);
        card.selectApplication();
        card.verify(AUTH, Pin.entered("0000"));
        connection.close();

        connection = reader().connect("CARD-T1"); // a new VirtualCards: as after a JVM restart
        JpkiCard again = new JpkiCard(connection);
        again.selectApplication();
        assertThat(again.retryCounter(AUTH)).isEqualTo(new CardResult.WrongPin(2));
        assertThat(TestCa.base64(again.certificate(AUTH))).isEqualTo(certificate);
        assertThat(again.verify(AUTH, Pin.entered("4321"))).isInstanceOf(CardResult.Verified.class);
        assertThat(Files.readString(dir.resolve("CARD-T1.card"))).doesNotContain("4321");
    }

    @Test
    void foreign_applications_and_unknown_instructions_are_refused_as_OpenSC_expects() {
        assertThat(sw("00A4040007627601FF000000")).isEqualTo(0x6A82);
        assertThat(sw("00A4020C02000A")).as("EF before the AP").isEqualTo(0x6A82);
        assertThat(sw("00CB3FFF035C017E08")).isEqualTo(0x6D00);
        assertThat(sw("00A4040C0AD392F000260100000001")).isEqualTo(0x9000);
        assertThat(sw("00A4020C020099")).isEqualTo(0x6A82);
    }

    private String issue(jp.jpki.lifecycle.api.pair.CertificateKind kind, String pin) throws Exception {
        IssuerChannel issuer = IssuerChannel.open(connection, ISSUER);
        RSAPublicKey key = issuer.generateKeyPair(kind);
        issuer.resetPin(kind, Pin.chosen(kind, pin));
        var certificate = AUTH_CA.issue(key);
        issuer.write(JpkiFile.certificate(kind), certificate.getEncoded());
        return TestCa.base64(certificate);
    }

    private InProcessCardReader reader() {
        return new InProcessCardReader(new VirtualCards(dir, ISSUER.publicKey(), new SecureRandom()));
    }

    private int sw(String hex) {
        try {
            ResponseAPDU response = connection.transmit(new CommandAPDU(HexFormat.of().parseHex(hex)));
            return response.getSW();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha256DigestInfo(byte[] data) throws Exception {
        byte[] prefix = HexFormat.of().parseHex("3031300d060960864801650304020105000420");
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(data);
        byte[] out = new byte[prefix.length + digest.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(digest, 0, out, prefix.length, digest.length);
        return out;
    }
}
