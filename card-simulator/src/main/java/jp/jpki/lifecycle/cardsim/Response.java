package jp.jpki.lifecycle.cardsim;

/** An R-APDU being built, and whether the command changed what the card keeps. */
record Response(byte[] data, int statusWord, boolean changedState) {

    static Response ok() {
        return new Response(new byte[0], 0x9000, false);
    }

    static Response okChanged() {
        return new Response(new byte[0], 0x9000, true);
    }

    static Response of(int statusWord) {
        return new Response(new byte[0], statusWord, false);
    }

    byte[] bytes() {
        byte[] out = new byte[data.length + 2];
        System.arraycopy(data, 0, out, 0, data.length);
        out[data.length] = (byte) (statusWord >> 8);
        out[data.length + 1] = (byte) statusWord;
        return out;
    }
}
