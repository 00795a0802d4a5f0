package jp.jpki.lifecycle.standalone.hygiene;

import static jp.jpki.lifecycle.standalone.StandaloneApp.CLERK;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.card.jpki.CardResult;
import jp.jpki.lifecycle.card.pinentry.LoopbackKeypad;
import jp.jpki.lifecycle.card.terminal.CounterPinCheck;
import jp.jpki.lifecycle.standalone.StandaloneApp;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R-PIN-5 and personal-data hygiene, checked where it matters: after a pair lives through issuance, a PIN
 * lock found at the terminal, a PIN reset with a newly chosen PIN and PIN checks on the card, every stored
 * event, snapshot, deadline, saga, token and projection and every captured log line is searched for the PINs
 * typed, and the log for the resident's personal data. None may be found; the same holds for PINs the resident
 * types on the terminal's loopback keypad.
 */
@ExtendWith(OutputCaptureExtension.class)
class PinAndPersonalDataHygieneTest {

    /** Distinctive values, so a find is never a coincidence with a serial number or a timestamp. */
    private static final String AUTH_PIN = "9047";
    private static final String NEW_AUTH_PIN = "5183";
    private static final String SIGN_PIN = "PINSCAN7Q3X9Z2";
    private static final String KEYPAD_AUTH_PIN = "7305";
    private static final String KEYPAD_SIGN_PIN = "KEYPAD8R4W";
    private static final String NAME = "Hygiene Hanako";
    private static final String ADDRESS = "Setagaya Kitazawa 9-8-7";
    private static final String DATE_OF_BIRTH = "1983-03-29";
    private static final String RESIDENT_REF = "R-HYGIENE-42";
    private static final String PAIR = "hygiene-pair-01";
    private static final String CARD = "CARD-HYGIENE-1";

    private static final ScriptedPinPad PIN_PAD = new ScriptedPinPad();

    @TempDir
    Path dataDir;

    /** Registered as a source of this test's app only; not a {@code @Configuration}, so no other test's scan finds it. */
    static class TerminalPad {
        @Bean
        @Primary
        ScriptedPinPad scriptedPinPad() {
            return PIN_PAD;
        }
    }

    @Test
    void no_pin_is_stored_or_logged_anywhere_and_no_personal_data_is_logged(CapturedOutput output) {
        try (StandaloneApp app = StandaloneApp.start(dataDir, new Class<?>[] {TerminalPad.class})) {
            PIN_PAD.willType(CertificateKind.AUTH, AUTH_PIN);
            PIN_PAD.willType(CertificateKind.SIGN, SIGN_PIN);
            assertThat(app.post(CLERK, "/api/certificate-pairs", issue()).statusCode()).isEqualTo(202);
            app.await(CLERK, "/api/certificate-pairs/" + PAIR, p -> p.at("/certificates/AUTH/status").asText().equals("ACTIVE")
                    && p.at("/certificates/SIGN/status").asText().equals("ACTIVE"), "issued");

            CounterPinCheck terminal = app.bean(CounterPinCheck.class);
            PairId pair = new PairId(PAIR);
            assertThat(terminal.verify(pair, CARD, CertificateKind.SIGN)).isInstanceOf(CardResult.Verified.class);
            PIN_PAD.willType(CertificateKind.AUTH, "9048");
            CardResult last = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                last = terminal.verify(pair, CARD, CertificateKind.AUTH);
            }
            assertThat(last).as("R-PIN-2: three wrong AUTH PINs lock it").isInstanceOf(CardResult.Blocked.class);
            app.await(CLERK, "/api/certificate-pairs/" + PAIR, p -> p.at("/certificates/AUTH/pinLocked").asBoolean(), "PIN-locked");

            PIN_PAD.willType(CertificateKind.AUTH, NEW_AUTH_PIN);
            assertThat(app.post(CLERK, "/api/certificate-pairs/" + PAIR + "/pin-resets",
                    "{\"kind\":\"AUTH\",\"applicant\":\"RESIDENT\",\"documents\":[\"A\"],\"terminalId\":\"embedded-terminal\"}")
                    .statusCode()).isEqualTo(202);
            app.await(CLERK, "/api/certificate-pairs/" + PAIR, p -> !p.at("/certificates/AUTH/pinLocked").asBoolean(), "reset");
            assertThat(terminal.verify(pair, CARD, CertificateKind.AUTH)).as("the new PIN works on the card")
                    .isInstanceOf(CardResult.Verified.class);
            assertThat(app.post(CLERK, "/api/certificate-pairs/" + PAIR + "/basic-info-changes",
                    "{\"changedItems\":[\"ADDRESS\"],\"effectiveOn\":\"2026-01-01\"}").statusCode()).isEqualTo(200);
            app.await(CLERK, "/api/certificate-pairs/" + PAIR, p -> p.at("/certificates/SIGN/status").asText().equals("REVOKED"), "revoked");

            assertNoPinStoredOrLogged(app, output, dataDir, AUTH_PIN, NEW_AUTH_PIN, SIGN_PIN);
        }
        for (String personal : List.of(NAME, ADDRESS, DATE_OF_BIRTH, RESIDENT_REF)) {
            assertThat(output.getAll()).as("personal data in the log: %s", personal).doesNotContain(personal);
        }
    }

    @Test
    @DisplayName("R-PIN-5: PINs the resident types on the loopback keypad are in no store, log line or card file")
    void no_pin_typed_on_the_loopback_keypad_is_stored_or_logged(CapturedOutput output) throws Exception {
        try (StandaloneApp app = StandaloneApp.start(dataDir, "--jpki.terminal.pin-entry=loopback-keypad");
             KeypadResident resident = new KeypadResident(app.bean(LoopbackKeypad.class).address(),
                     Map.of(CertificateKind.AUTH, KEYPAD_AUTH_PIN, CertificateKind.SIGN, KEYPAD_SIGN_PIN))) {
            assertThat(app.post(CLERK, "/api/certificate-pairs", issue()).statusCode()).isEqualTo(202);
            app.await(CLERK, "/api/certificate-pairs/" + PAIR, p -> p.at("/certificates/AUTH/status").asText().equals("ACTIVE")
                    && p.at("/certificates/SIGN/status").asText().equals("ACTIVE"), "issued");
            CounterPinCheck terminal = app.bean(CounterPinCheck.class);
            assertThat(terminal.verify(new PairId(PAIR), CARD, CertificateKind.SIGN)).as("the PIN chosen on the keypad")
                    .isInstanceOf(CardResult.Verified.class);
            assertThat(resident.awaitTyped(3)).as("two PINs chosen, one entered, all on the keypad").isEqualTo(3);
            assertNoPinStoredOrLogged(app, output, dataDir, KEYPAD_AUTH_PIN, KEYPAD_SIGN_PIN);
        }
    }

    /** Every stored event, snapshot, deadline, saga, token and projection, every log line and card file, searched. */
    private static void assertNoPinStoredOrLogged(StandaloneApp app, CapturedOutput output, Path dataDir, String... pins) {
        List<String> stored = new ArrayList<>();
        stored.addAll(rows(app, "select payload, metaData from DomainEventEntry"));
        stored.addAll(rows(app, "select payload, metaData from SnapshotEventEntry"));
        stored.addAll(rows(app, "select task_name, task_instance, task_data from scheduled_tasks"));
        stored.addAll(mongoDocuments(app));
        assertThat(stored).as("events, snapshots, deadlines and Mongo documents were read").hasSizeGreaterThan(20);
        assertThat(stored).as("the scan sees readable payloads: the SIGN certificate needs the name")
                .anyMatch(text -> text.contains(NAME));
        List<String> cardFiles;
        try (Stream<Path> files = Files.list(dataDir.resolve("cards"))) {
            cardFiles = files.map(PinAndPersonalDataHygieneTest::read).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (String pin : pins) {
            Pattern token = Pattern.compile("(?<![0-9A-Za-z])" + pin + "(?![0-9A-Za-z])");
            assertThat(stored).as("R-PIN-5: PIN %s in storage", pin).noneMatch(text -> token.matcher(text).find());
            assertThat(token.matcher(output.getAll()).find()).as("R-PIN-5: PIN %s in the log", pin).isFalse();
            if (pin.length() > 4) {
                assertThat(cardFiles).as("the card keeps its PINs hashed").noneMatch(text -> text.contains(pin));
            }
        }
    }

    private static List<String> rows(StandaloneApp app, String sql) {
        return new JdbcTemplate(app.bean(DataSource.class)).query(sql, (row, n) -> {
            StringBuilder text = new StringBuilder();
            for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                byte[] value = row.getBytes(column);
                if (value != null) {
                    text.append(new String(value, StandardCharsets.UTF_8)).append('\n');
                }
            }
            return text.toString();
        });
    }

    private static List<String> mongoDocuments(StandaloneApp app) {
        MongoClient client = app.bean(MongoClient.class);
        List<String> documents = new ArrayList<>();
        for (String name : client.listDatabaseNames()) {
            MongoDatabase database = client.getDatabase(name);
            for (String collection : database.listCollectionNames()) {
                for (Document document : database.getCollection(collection).find()) {
                    documents.add(document.toJson());
                }
            }
        }
        return documents;
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String issue() {
        return """
                {"pairId":"%s",
                 "holder":{"residentRef":"%s","municipalityCode":"131121","name":"%s","address":"%s",
                           "dateOfBirth":"%s","sex":"FEMALE","adultWard":false},
                 "card":{"cardId":"%s","applicationReceivedOn":"2024-01-10","issuedOn":"2024-02-01"},
                 "kinds":["SIGN","AUTH"],"applicant":"RESIDENT","documents":["A"],"terminalId":"embedded-terminal"}
                """.formatted(PAIR, RESIDENT_REF, NAME, ADDRESS, DATE_OF_BIRTH, CARD);
    }

}
