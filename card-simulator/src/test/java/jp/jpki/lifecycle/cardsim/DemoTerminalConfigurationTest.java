package jp.jpki.lifecycle.cardsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import jp.jpki.lifecycle.card.jpki.IssuerKey;
import jp.jpki.lifecycle.card.terminal.CardReader;
import jp.jpki.lifecycle.card.terminal.PinPad;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The simulator plugs into a terminal only under the demo profile. */
class DemoTerminalConfigurationTest {

    @TempDir
    Path dataDir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner().withUserConfiguration(DemoTerminalConfiguration.class)
                .withBean(IssuerKey.class, IssuerKey::generate)
                .withPropertyValues("jpki.terminal.id=t-demo", "jpki.data-dir=" + dataDir, "jpki.terminal.pin-entry=demo",
                        "jpki.terminal.demo-pins.AUTH=1234", "jpki.terminal.demo-pins.SIGN=DEMO2024");
    }

    @Test
    @DisplayName("R-PIN-7: without the demo profile there are no virtual cards and no demo PIN pad")
    void nothing_outside_the_demo_profile() {
        runner().run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CardReader.class).doesNotHaveBean(PinPad.class));
    }

    @Test
    void under_the_demo_profile_virtual_cards_and_the_demo_pad() {
        runner().withInitializer(context -> context.getEnvironment().setActiveProfiles("demo")).run(context -> {
            assertThat(context.getBean(CardReader.class)).isInstanceOf(InProcessCardReader.class);
            assertThat(context.getBean(PinPad.class)).isInstanceOf(DemoPinPad.class);
        });
    }

    @Test
    void a_named_PC_SC_reader_replaces_the_virtual_cards_even_in_a_demo() {
        runner().withInitializer(context -> context.getEnvironment().setActiveProfiles("demo"))
                .withPropertyValues("jpki.terminal.reader=Virtual PCD 00 00")
                .run(context -> assertThat(context).doesNotHaveBean(CardReader.class).hasSingleBean(DemoPinPad.class));
    }
}
