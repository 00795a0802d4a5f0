package jp.jpki.lifecycle.card.pinentry;

import static jp.jpki.lifecycle.api.pair.CertificateKind.AUTH;
import static jp.jpki.lifecycle.api.pair.CertificateKind.SIGN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.card.jpki.CardRefusedException;
import jp.jpki.lifecycle.card.jpki.CardResult;
import jp.jpki.lifecycle.card.jpki.IssuerChannel;
import jp.jpki.lifecycle.card.jpki.IssuerKey;
import jp.jpki.lifecycle.card.jpki.StatusWord;
import jp.jpki.lifecycle.card.terminal.CardConnection;
import jp.jpki.lifecycle.card.terminal.PinEntry;
import jp.jpki.lifecycle.card.terminal.ReaderControl;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Secure PIN entry against a fake PIN pad reader: vsmartcard's vpcd reader has no control interface a PIN pad
 * could be emulated behind (it refuses SCardControl), so the reader is faked at the {@link ReaderControl} seam.
 */
class ReaderPinPadEntryTest {

    private static final int GET_FEATURES = PinPadFeatures.scardCtlCode(3400, System.getProperty("os.name"));
    private static final int VERIFY_DIRECT = 0x42330006;
    private static final int MODIFY_DIRECT = 0x42330007;
    private static final byte[] FEATURES = HexFormat.of().parseHex("060442330006070442330007");
    private static final IssuerKey ISSUER = IssuerKey.generate();

    private final RecordingKeypad keypad = new RecordingKeypad();
    private final ReaderPinPadEntry entry = new ReaderPinPadEntry("t-pad", keypad, 60);

    @Test
    @DisplayName("R-PIN-5: the AUTH PIN is verified on the reader's pad; the host sends the structure, never the PIN")
    void verify_on_the_pad() throws Exception {
        FakeReader reader = new FakeReader(FEATURES, "63C2");
        assertThat(entry.verify(reader, AUTH)).isEqualTo(new CardResult.WrongPin(2));
        assertThat(reader.apdus).extracting(HexFormat.of().withUpperCase()::formatHex)
                .as("only SELECT of the AUTH PIN EF goes through the host").containsExactly("00A4020C020018");
        assertThat(reader.controls).containsExactly(GET_FEATURES, VERIFY_DIRECT);
        assertThat(reader.structures.get(1)).isEqualTo(SecurePinStructures.verify(0x80, 4, 60));
        assertThat(keypad.asked).isEmpty();

        assertThat(entry.verify(new FakeReader(FEATURES, "9000"), AUTH)).isEqualTo(new CardResult.Verified());
    }

    @Test
    @DisplayName("R-PIN-5: the new AUTH PIN is chosen on the reader's pad inside the issuer session")
    void choose_on_the_pad() throws Exception {
        FakeReader reader = new FakeReader(FEATURES, "9000");
        entry.chooseNewPin(reader, IssuerChannel.open(reader, ISSUER), AUTH);
        assertThat(reader.controls).containsExactly(GET_FEATURES, MODIFY_DIRECT);
        assertThat(reader.structures.get(1)).isEqualTo(SecurePinStructures.resetRetryCounter(0x80, 4, 60));
        assertThat(HexFormat.of().withUpperCase().formatHex(reader.apdus.get(reader.apdus.size() - 1)))
                .isEqualTo("00A4020C020018");
        assertThat(reader.apdus).noneMatch(apdu -> (apdu[1] & 0xFF) == 0x2C);
    }

    @Test
    void what_the_pad_answers_itself_reaches_the_clerk() throws Exception {
        assertThat(entry.verify(new FakeReader(FEATURES, "6401"), AUTH)).isEqualTo(new CardResult.Refused(StatusWord.PIN_PAD_CANCELLED));
        FakeReader reader = new FakeReader(FEATURES, "6402");
        IssuerChannel issuer = IssuerChannel.open(reader, ISSUER);
        assertThatThrownBy(() -> entry.chooseNewPin(reader, issuer, AUTH)).isInstanceOf(CardRefusedException.class)
                .hasMessageContaining("on the reader's PIN pad").hasMessageContaining("6402");
    }

    @Test
    void the_SIGN_PIN_with_its_letters_goes_to_the_keypad() throws Exception {
        FakeReader reader = new FakeReader(FEATURES, "9000");
        entry.verify(reader, SIGN);
        entry.chooseNewPin(reader, IssuerChannel.open(reader, ISSUER), SIGN);
        assertThat(keypad.asked).containsExactly("verify SIGN", "choose SIGN");
        assertThat(reader.controls).isEmpty();
    }

    @Test
    void a_reader_without_a_pad_or_without_a_control_interface_sends_every_PIN_to_the_keypad() throws Exception {
        FakeReader plain = new FakeReader(HexFormat.of().parseHex("120442330012"), "9000");
        entry.verify(plain, AUTH);
        assertThat(plain.controls).containsExactly(GET_FEATURES);
        FakeReader noControl = new FakeReader(null, "9000");
        entry.verify(noControl, AUTH);
        assertThat(keypad.asked).containsExactly("verify AUTH", "verify AUTH");
    }

    @Test
    void a_pad_waits_at_most_255_seconds() {
        assertThatThrownBy(() -> new ReaderPinPadEntry("t", keypad, 300)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A card that accepts everything, in a reader with (or without) a control interface. */
    private static final class FakeReader implements CardConnection {
        final List<byte[]> apdus = new ArrayList<>();
        final List<Integer> controls = new ArrayList<>();
        final List<byte[]> structures = new ArrayList<>();
        private final byte[] features;
        private final byte[] padAnswer;

        FakeReader(byte[] features, String padAnswer) {
            this.features = features;
            this.padAnswer = HexFormat.of().parseHex(padAnswer);
        }

        @Override
        public ResponseAPDU transmit(CommandAPDU command) {
            apdus.add(command.getBytes());
            return switch (command.getINS()) {
                case 0xCA -> answer("CARD-P1".getBytes(StandardCharsets.US_ASCII));
                case 0x84 -> answer(new byte[16]);
                default -> answer(new byte[0]);
            };
        }

        @Override
        public Optional<ReaderControl> readerControl() {
            if (features == null) {
                return Optional.empty();
            }
            return Optional.of((code, command) -> {
                controls.add(code);
                structures.add(command);
                return code == GET_FEATURES ? features : padAnswer;
            });
        }

        @Override
        public void close() {
        }

        private static ResponseAPDU answer(byte[] data) {
            byte[] out = new byte[data.length + 2];
            System.arraycopy(data, 0, out, 0, data.length);
            out[data.length] = (byte) 0x90;
            return new ResponseAPDU(out);
        }
    }

    private static final class RecordingKeypad implements PinEntry {
        final List<String> asked = new ArrayList<>();

        @Override
        public CardResult verify(CardConnection connection, CertificateKind kind) {
            asked.add("verify " + kind);
            return new CardResult.Verified();
        }

        @Override
        public void chooseNewPin(CardConnection connection, IssuerChannel issuer, CertificateKind kind) {
            asked.add("choose " + kind);
        }
    }
}
