package jp.jpki.lifecycle.card.jpki;

import jp.jpki.lifecycle.api.pair.CertificateKind;

/** The elementary files of the JPKI application (R-CRD-1). */
public enum JpkiFile {
    TOKEN_INFO(0x0006),
    SIGN_CERTIFICATE(0x0001),
    SIGN_CA(0x0002),
    AUTH_CERTIFICATE(0x000A),
    AUTH_CA(0x000B),
    AUTH_KEY(0x0017),
    AUTH_PIN(0x0018),
    SIGN_KEY(0x001A),
    SIGN_PIN(0x001B);

    private final int id;

    JpkiFile(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    public byte[] idBytes() {
        return new byte[]{(byte) (id >> 8), (byte) id};
    }

    public static JpkiFile certificate(CertificateKind kind) {
        return kind == CertificateKind.SIGN ? SIGN_CERTIFICATE : AUTH_CERTIFICATE;
    }

    public static JpkiFile ca(CertificateKind kind) {
        return kind == CertificateKind.SIGN ? SIGN_CA : AUTH_CA;
    }

    public static JpkiFile key(CertificateKind kind) {
        return kind == CertificateKind.SIGN ? SIGN_KEY : AUTH_KEY;
    }

    public static JpkiFile pin(CertificateKind kind) {
        return kind == CertificateKind.SIGN ? SIGN_PIN : AUTH_PIN;
    }

    /** The file with this id, or null when the application has none. */
    public static JpkiFile byId(int id) {
        for (JpkiFile file : values()) {
            if (file.id == id) {
                return file;
            }
        }
        return null;
    }
}
