package jp.jpki.lifecycle.card.pinentry;

import jp.jpki.lifecycle.card.terminal.PinEntry;
import jp.jpki.lifecycle.card.terminal.PinEntryMode;
import jp.jpki.lifecycle.card.terminal.PinPad;
import jp.jpki.lifecycle.card.terminal.TerminalProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Where this terminal's residents type PINs ({@code jpki.terminal.pin-entry}): the reader's PIN pad with the
 * loopback keypad for what the pad cannot type, the loopback keypad alone (the default), or, under the demo
 * profile only, the card simulator's demo pad. A start with {@code demo} outside that profile fails.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "jpki.terminal.id")
public class PinEntryConfiguration {

    public static final String DEMO_PROFILE = "demo";

    @Bean
    @ConditionalOnExpression("!'${jpki.terminal.pin-entry:loopback-keypad}'.equalsIgnoreCase('demo')")
    LoopbackKeypad loopbackKeypad(TerminalProperties terminal) {
        return LoopbackKeypad.start(terminal.id(), terminal.keypadPort(), terminal.pinTimeout());
    }

    @Bean
    PinEntry pinEntry(TerminalProperties terminal, Environment environment, ObjectProvider<PinPad> pads) {
        PinEntryMode mode = terminal.pinEntry();
        if (mode == PinEntryMode.DEMO && !environment.acceptsProfiles(Profiles.of(DEMO_PROFILE))) {
            throw new IllegalStateException("jpki.terminal.pin-entry=demo types published demo PINs for every resident: "
                    + "it is allowed only under the demo profile");
        }
        PinPad pad = pads.getIfAvailable(() -> {
            throw new IllegalStateException("jpki.terminal.pin-entry=" + mode + " found no PIN pad (the demo pad comes "
                    + "with the card-simulator module)");
        });
        if (mode != PinEntryMode.READER_PINPAD) {
            return new TypedPinEntry(pad);
        }
        if (!terminal.hasReader()) {
            throw new IllegalStateException("jpki.terminal.pin-entry=reader-pinpad needs the PC/SC reader (jpki.terminal.reader)");
        }
        return new ReaderPinPadEntry(terminal.id(), new TypedPinEntry(pad), (int) Math.min(255, terminal.pinTimeout().toSeconds()));
    }
}
