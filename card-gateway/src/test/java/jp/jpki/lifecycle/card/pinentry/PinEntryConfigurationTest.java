package jp.jpki.lifecycle.card.pinentry;

import static org.assertj.core.api.Assertions.assertThat;

import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.card.jpki.Pin;
import jp.jpki.lifecycle.card.terminal.PinEntry;
import jp.jpki.lifecycle.card.terminal.PinPad;
import jp.jpki.lifecycle.card.terminal.TerminalProperties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code jpki.terminal.pin-entry}: which PIN entry a terminal starts with, and which starts it refuses. */
class PinEntryConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(TerminalProperties.class)
    static class Terminal {
    }

    /** Stands in for the card simulator's demo pad, which this module must not know. */
    static final class StandInPad implements PinPad {
        @Override
        public Pin enterPin(CertificateKind kind) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Pin chooseNewPin(CertificateKind kind) {
            throw new UnsupportedOperationException();
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Terminal.class, PinEntryConfiguration.class)
            .withPropertyValues("jpki.terminal.id=t-config");

    @Test
    @DisplayName("R-PIN-7: without a setting, residents type on the loopback keypad, never on a configured pad")
    void the_default_is_the_loopback_keypad() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(LoopbackKeypad.class);
            assertThat(context.getBean(PinEntry.class)).isInstanceOf(TypedPinEntry.class);
        });
    }

    @Test
    @DisplayName("R-PIN-7: pin-entry=demo outside the demo profile stops the start")
    void demo_is_refused_outside_the_demo_profile() {
        runner.withPropertyValues("jpki.terminal.pin-entry=demo").withBean(StandInPad.class).run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("allowed only under the demo profile"));
    }

    @Test
    @DisplayName("R-PIN-7: under the demo profile the demo pad is used and no keypad is opened")
    void demo_under_the_demo_profile() {
        runner.withPropertyValues("jpki.terminal.pin-entry=demo").withBean(StandInPad.class)
                .withInitializer(context -> context.getEnvironment().setActiveProfiles("demo"))
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(LoopbackKeypad.class);
                    assertThat(context.getBean(PinEntry.class)).isInstanceOf(TypedPinEntry.class);
                });
    }

    @Test
    void the_readers_pad_needs_a_reader_and_falls_back_to_the_keypad() {
        runner.withPropertyValues("jpki.terminal.pin-entry=reader-pinpad").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("jpki.terminal.reader"));
        runner.withPropertyValues("jpki.terminal.pin-entry=reader-pinpad", "jpki.terminal.reader=Counter Reader 00 00")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(LoopbackKeypad.class);
                    assertThat(context.getBean(PinEntry.class)).isInstanceOf(ReaderPinPadEntry.class);
                });
    }
}
