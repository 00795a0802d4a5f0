package jp.jpki.lifecycle.card.jpki;

/** The ISO 7816-4 status words the JPKI application and our issuance commands use (docs/card-protocol.md). */
public final class StatusWord {
    public static final int OK = 0x9000;
    public static final int END_OF_FILE = 0x6282;
    public static final int VERIFICATION_FAILED = 0x6300;
    public static final int WRONG_PIN = 0x63C0;
    public static final int WRONG_LENGTH = 0x6700;
    public static final int FILE_INCOMPATIBLE = 0x6981;
    public static final int SECURITY_NOT_SATISFIED = 0x6982;
    public static final int AUTHENTICATION_BLOCKED = 0x6983;
    public static final int REFERENCE_DATA_BLOCKED = 0x6984;
    public static final int CONDITIONS_NOT_SATISFIED = 0x6985;
    public static final int NO_CURRENT_EF = 0x6986;
    public static final int WRONG_DATA = 0x6A80;
    public static final int FILE_NOT_FOUND = 0x6A82;
    public static final int NOT_ENOUGH_MEMORY = 0x6A84;
    public static final int WRONG_P1_P2 = 0x6A86;
    public static final int REFERENCE_NOT_FOUND = 0x6A88;
    public static final int OFFSET_OUTSIDE_EF = 0x6B00;
    public static final int INS_NOT_SUPPORTED = 0x6D00;
    public static final int CLA_NOT_SUPPORTED = 0x6E00;
    /** What a PIN pad reader answers itself for secure PIN entry (PC/SC part 10), not the card. */
    public static final int PIN_PAD_TIMEOUT = 0x6400;
    public static final int PIN_PAD_CANCELLED = 0x6401;
    public static final int PIN_PAD_ENTRIES_DIFFER = 0x6402;
    public static final int PIN_PAD_LENGTH_WRONG = 0x6403;

    private StatusWord() {
    }

    public static String hex(int sw) {
        return String.format("%04X", sw);
    }
}
