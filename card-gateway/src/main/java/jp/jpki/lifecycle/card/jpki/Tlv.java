package jp.jpki.lifecycle.card.jpki;

/** One BER-TLV header (one- or two-byte tag, definite length up to 0xFFFF), enough for key templates. */
public record Tlv(int tag, int valueOffset, int length) {

    public int end() {
        return valueOffset + length;
    }

    public static Tlv parse(byte[] data, int offset) {
        int at = offset;
        int tag = data[at++] & 0xFF;
        if ((tag & 0x1F) == 0x1F) {
            tag = (tag << 8) | (data[at++] & 0xFF);
        }
        int length = data[at++] & 0xFF;
        if (length == 0x81) {
            length = data[at++] & 0xFF;
        } else if (length == 0x82) {
            length = ((data[at] & 0xFF) << 8) | (data[at + 1] & 0xFF);
            at += 2;
        } else if (length > 0x80) {
            throw new IllegalArgumentException("unsupported BER length form " + Integer.toHexString(length));
        }
        if (at + length > data.length) {
            throw new IllegalArgumentException("TLV runs past the end of the data");
        }
        return new Tlv(tag, at, length);
    }

    /** Encodes a tag (one or two bytes) with a definite length. */
    public static byte[] encode(int tag, byte[] value) {
        byte[] tagBytes = tag > 0xFF ? new byte[]{(byte) (tag >> 8), (byte) tag} : new byte[]{(byte) tag};
        byte[] lengthBytes = value.length < 0x80 ? new byte[]{(byte) value.length}
                : value.length <= 0xFF ? new byte[]{(byte) 0x81, (byte) value.length}
                : new byte[]{(byte) 0x82, (byte) (value.length >> 8), (byte) value.length};
        byte[] out = new byte[tagBytes.length + lengthBytes.length + value.length];
        System.arraycopy(tagBytes, 0, out, 0, tagBytes.length);
        System.arraycopy(lengthBytes, 0, out, tagBytes.length, lengthBytes.length);
        System.arraycopy(value, 0, out, tagBytes.length + lengthBytes.length, value.length);
        return out;
    }
}
