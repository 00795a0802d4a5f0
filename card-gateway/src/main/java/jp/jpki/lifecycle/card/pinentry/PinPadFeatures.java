package jp.jpki.lifecycle.card.pinentry;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import javax.smartcardio.CardException;
import jp.jpki.lifecycle.card.terminal.ReaderControl;

/**
 * What a PC/SC reader offers beyond APDUs (PC/SC part 10): asked with GET_FEATURE_REQUEST, it answers a list of
 * {@code tag, 04, control code (4 bytes, big-endian)}; the control code of a feature is what the host then sends
 * that feature's structure with.
 */
public final class PinPadFeatures {

    static final int GET_FEATURE_REQUEST = 3400;
    static final int FEATURE_VERIFY_PIN_DIRECT = 0x06;
    static final int FEATURE_MODIFY_PIN_DIRECT = 0x07;

    private final Map<Integer, Integer> controlCodes;

    private PinPadFeatures(Map<Integer, Integer> controlCodes) {
        this.controlCodes = controlCodes;
    }

    /** Asks the reader; a reader that refuses the request has no features. */
    public static PinPadFeatures of(ReaderControl reader) {
        try {
            return parse(reader.control(scardCtlCode(GET_FEATURE_REQUEST, System.getProperty("os.name", "")), new byte[0]));
        } catch (CardException | IllegalArgumentException refused) {
            return new PinPadFeatures(Map.of());
        }
    }

    /** Parses the TLV list; a malformed entry ends the list, as pcsc-lite's own tools do. */
    static PinPadFeatures parse(byte[] answer) {
        Map<Integer, Integer> codes = new HashMap<>();
        for (int at = 0; at + 2 <= answer.length; ) {
            int tag = answer[at] & 0xFF;
            int length = answer[at + 1] & 0xFF;
            if (length != 4 || at + 2 + length > answer.length) {
                break;
            }
            codes.put(tag, ((answer[at + 2] & 0xFF) << 24) | ((answer[at + 3] & 0xFF) << 16)
                    | ((answer[at + 4] & 0xFF) << 8) | (answer[at + 5] & 0xFF));
            at += 2 + length;
        }
        return new PinPadFeatures(Map.copyOf(codes));
    }

    /**
     * {@code SCARD_CTL_CODE(function)}: pcsc-lite (Linux, macOS) adds 0x42000000, Windows builds a device
     * I/O control code, so the same feature request has a different number per platform.
     */
    static int scardCtlCode(int function, String osName) {
        return osName.toLowerCase().startsWith("windows") ? 0x00310000 | (function << 2) : 0x42000000 + function;
    }

    public OptionalInt verifyPinDirect() {
        return code(FEATURE_VERIFY_PIN_DIRECT);
    }

    public OptionalInt modifyPinDirect() {
        return code(FEATURE_MODIFY_PIN_DIRECT);
    }

    private OptionalInt code(int feature) {
        Integer code = controlCodes.get(feature);
        return code == null ? OptionalInt.empty() : OptionalInt.of(code);
    }
}
