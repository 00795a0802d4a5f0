package jp.jpki.lifecycle.card.pinentry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The PC/SC part 10 blocks byte for byte: a reader that misreads one field types the PIN into the wrong place. */
class SecurePinStructuresTest {

    @Test
    @DisplayName("R-PIN-5: PIN_VERIFY_STRUCTURE for the AUTH PIN carries VERIFY 00 20 00 80 with four placeholder bytes")
    void verify_structure() {
        assertThat(HexFormat.of().withUpperCase().formatHex(SecurePinStructures.verify(0x80, 4, 60))).isEqualTo(
                "3C" + "00" + "82" + "04" + "00" // timeouts, ASCII bytes at offset 0, block of 4, no length field
                        + "0404" + "02" + "01" // 4 to 4 digits, validation key, one message
                        + "0904" + "00" + "000000" // English, message 0, no T=1 prologue
                        + "09000000" // nine APDU bytes, little-endian
                        + "0020008004" + "00000000");
    }

    @Test
    @DisplayName("R-PIN-5: PIN_MODIFY_STRUCTURE asks the new PIN twice and carries RESET RETRY COUNTER 00 2C 02 80")
    void modify_structure() {
        assertThat(HexFormat.of().withUpperCase().formatHex(SecurePinStructures.resetRetryCounter(0x80, 4, 120))).isEqualTo(
                "78" + "00" + "82" + "04" + "00"
                        + "00" + "00" // insertion offsets: old (unused), new at the start of the data
                        + "0404" + "01" + "02" + "02" // confirm the new PIN, no current PIN; validation key; two messages
                        + "0904" + "01" + "02" + "00" + "000000"
                        + "09000000"
                        + "002C028004" + "00000000");
    }
}
