package jp.jpki.lifecycle.cardsim;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import org.junit.jupiter.api.Test;

/** The demo pad's PINs are configuration (jpki.terminal.demo-pins), checked like any PIN a resident chooses. */
class DemoPinPadTest {

    @Test
    void a_demo_pad_needs_a_PIN_for_each_kind() {
        assertThatThrownBy(() -> new DemoPinPad(Map.of(CertificateKind.AUTH, "4711")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SIGN");
    }

    @Test
    void R_PIN_1_configured_demo_PINs_are_held_to_the_PIN_formats() {
        DemoPinPad pad = new DemoPinPad(Map.of(CertificateKind.AUTH, "4711", CertificateKind.SIGN, "4711"));
        assertThatCode(() -> pad.chooseNewPin(CertificateKind.AUTH).close()).doesNotThrowAnyException();
        assertThatThrownBy(() -> pad.chooseNewPin(CertificateKind.SIGN)).hasMessageContaining("R-PIN-1");
    }
}
