package jp.jpki.lifecycle.card.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The gateway's production classes neither contain nor name the card simulator (it plugs in from outside). */
class NoSimulatorInGatewayTest {

    @Test
    @DisplayName("R-PIN-7: no virtual card, vpcd connector or demo PIN pad in the gateway's production classes")
    void the_gateway_jar_has_no_simulator() throws Exception {
        Path classes = Path.of(TerminalConfiguration.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(file -> file.toString().endsWith(".class")).toList();
        }
        assertThat(files).as("the gateway's classes were found").hasSizeGreaterThan(30);
        assertThat(files).extracting(file -> file.getFileName().toString())
                .noneMatch(name -> name.startsWith("Virtual") || name.startsWith("Vpcd") || name.startsWith("DemoPinPad")
                        || name.startsWith("InProcessCardReader"));
        for (Path file : files) {
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(bytes).as("%s names the simulator", classes.relativize(file))
                    .doesNotContain("jp/jpki/lifecycle/cardsim").doesNotContain("card/virtual");
        }
    }
}
