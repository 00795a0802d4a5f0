package jp.jpki.lifecycle.card.pinentry;

import java.io.ByteArrayOutputStream;

/**
 * The structures a PIN pad reader takes for secure PIN entry (PC/SC part 10, the CCID PIN_VERIFY and
 * PIN_MODIFY blocks; multi-byte fields little-endian): the APDU to send with placeholder bytes where the
 * reader inserts what the resident types, and how to format it. The host never sees the PIN.
 */
final class SecurePinStructures {

    /** Units in bytes, PIN at offset 0 of the APDU data, left-justified, ASCII. */
    private static final int FORMAT_ASCII_BYTES_AT_0 = 0x82;
    /** Entry ends when the resident presses the validation key. */
    private static final int VALIDATION_KEY = 0x02;
    /** The reader's own prompt text, in English: the language every PIN pad firmware carries. */
    private static final int LANG_EN_US = 0x0409;
    /** New PIN and its confirmation, no current PIN: RESET RETRY COUNTER takes the new one only. */
    private static final int CONFIRM_NEW_PIN_ONLY = 0x01;

    private SecurePinStructures() {
    }

    /** PIN_VERIFY_STRUCTURE for VERIFY {@code 00 20 00 <p2>} with a fixed-length ASCII PIN. */
    static byte[] verify(int p2, int pinLength, int timeoutSeconds) {
        byte[] apdu = template(0x20, 0x00, p2, pinLength);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(timeoutSeconds);
        out.write(0x00); // bTimerOut2: the reader's default after the first key
        out.write(FORMAT_ASCII_BYTES_AT_0);
        out.write(pinLength); // bmPINBlockString: no length field, block of pinLength bytes
        out.write(0x00); // bmPINLengthFormat: no length field
        writeShort(out, (pinLength << 8) | pinLength); // wPINMaxExtraDigit: minimum, maximum
        out.write(VALIDATION_KEY);
        out.write(0x01); // bNumberMessage: one prompt
        writeShort(out, LANG_EN_US);
        out.write(0x00); // bMsgIndex: "enter PIN"
        out.writeBytes(new byte[3]); // bTeoPrologue: T=0 readers ignore it
        writeInt(out, apdu.length);
        out.writeBytes(apdu);
        return out.toByteArray();
    }

    /** PIN_MODIFY_STRUCTURE for RESET RETRY COUNTER {@code 00 2C 02 <p2>}: new PIN typed twice, fixed length. */
    static byte[] resetRetryCounter(int p2, int pinLength, int timeoutSeconds) {
        byte[] apdu = template(0x2C, 0x02, p2, pinLength);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(timeoutSeconds);
        out.write(0x00);
        out.write(FORMAT_ASCII_BYTES_AT_0);
        out.write(pinLength);
        out.write(0x00);
        out.write(0x00); // bInsertionOffsetOld: unused, no current PIN
        out.write(0x00); // bInsertionOffsetNew: the new PIN is the whole data field
        writeShort(out, (pinLength << 8) | pinLength);
        out.write(CONFIRM_NEW_PIN_ONLY);
        out.write(VALIDATION_KEY);
        out.write(0x02); // bNumberMessage: "new PIN", "confirm"
        writeShort(out, LANG_EN_US);
        out.write(0x01); // bMsgIndex1: "enter new PIN"
        out.write(0x02); // bMsgIndex2: "confirm new PIN"
        out.write(0x00); // bMsgIndex3: unused
        out.writeBytes(new byte[3]);
        writeInt(out, apdu.length);
        out.writeBytes(apdu);
        return out.toByteArray();
    }

    private static byte[] template(int ins, int p1, int p2, int pinLength) {
        byte[] apdu = new byte[5 + pinLength];
        apdu[1] = (byte) ins;
        apdu[2] = (byte) p1;
        apdu[3] = (byte) p2;
        apdu[4] = (byte) pinLength;
        return apdu;
    }

    private static void writeShort(ByteArrayOutputStream out, int value) {
        out.write(value & 0xFF);
        out.write((value >> 8) & 0xFF);
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        writeShort(out, value & 0xFFFF);
        writeShort(out, (value >>> 16) & 0xFFFF);
    }
}
