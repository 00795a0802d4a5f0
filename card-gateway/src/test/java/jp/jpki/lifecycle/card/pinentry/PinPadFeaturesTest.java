package jp.jpki.lifecycle.card.pinentry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import javax.smartcardio.CardException;
import org.junit.jupiter.api.Test;

/** GET_FEATURE_REQUEST answers, as a CCID PIN pad reader under pcsc-lite gives them. */
class PinPadFeaturesTest {

    /** A pin pad reader under libccid: VERIFY_PIN_DIRECT, MODIFY_PIN_DIRECT, IFD_PIN_PROPERTIES, GET_TLV_PROPERTIES. */
    private static final byte[] PINPAD_READER = HexFormat.of().parseHex("0604423300060704423300070A044233000A120442330012");
    /** A reader without a pad still answers, with its other features only. */
    private static final byte[] PLAIN_READER = HexFormat.of().parseHex("120442330012");

    @Test
    void the_control_codes_of_a_pin_pad_reader_are_found() {
        PinPadFeatures features = PinPadFeatures.parse(PINPAD_READER);
        assertThat(features.verifyPinDirect()).hasValue(0x42330006);
        assertThat(features.modifyPinDirect()).hasValue(0x42330007);
    }

    @Test
    void a_reader_without_a_pad_offers_no_secure_PIN_entry() {
        assertThat(PinPadFeatures.parse(PLAIN_READER).verifyPinDirect()).isEmpty();
        assertThat(PinPadFeatures.parse(new byte[0]).verifyPinDirect()).isEmpty();
        assertThat(PinPadFeatures.of((code, command) -> {
            throw new CardException("SCardControl: not supported");
        }).verifyPinDirect()).as("a reader that refuses the request (vpcd)").isEmpty();
    }

    @Test
    void a_malformed_entry_ends_the_list() {
        byte[] truncated = HexFormat.of().parseHex("06044233000607024233");
        PinPadFeatures features = PinPadFeatures.parse(truncated);
        assertThat(features.verifyPinDirect()).hasValue(0x42330006);
        assertThat(features.modifyPinDirect()).isEmpty();
    }

    @Test
    void the_feature_request_code_is_the_platforms_SCARD_CTL_CODE_3400() {
        assertThat(PinPadFeatures.scardCtlCode(3400, "Linux")).isEqualTo(0x42000D48);
        assertThat(PinPadFeatures.scardCtlCode(3400, "Mac OS X")).isEqualTo(0x42000D48);
        assertThat(PinPadFeatures.scardCtlCode(3400, "Windows 11")).isEqualTo(0x00313520);
    }

    @Test
    void the_request_is_sent_with_that_code_and_no_data() {
        int[] sentCode = new int[1];
        PinPadFeatures features = PinPadFeatures.of((code, command) -> {
            sentCode[0] = code;
            assertThat(command).isEmpty();
            return PINPAD_READER;
        });
        assertThat(sentCode[0]).isEqualTo(PinPadFeatures.scardCtlCode(3400, System.getProperty("os.name")));
        assertThat(features.verifyPinDirect()).isPresent();
    }
}
