package jp.jpki.lifecycle.card.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Optional;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import jp.jpki.lifecycle.card.terminal.CardConnection;
import jp.jpki.lifecycle.card.terminal.CardReader;
import jp.jpki.lifecycle.card.terminal.ReaderControl;

/**
 * Times every APDU the terminal sends: {@code jpki.card.apdu{ins, outcome}}, outcome from the status word
 * class (ok, wrong-pin, blocked, refused) or {@code io-error} when the reader fails. Never the data: it may
 * carry a PIN (R-PIN-5).
 */
final class MeteredCardReader implements CardReader {

    private final CardReader reader;
    private final MeterRegistry meters;

    MeteredCardReader(CardReader reader, MeterRegistry meters) {
        this.reader = reader;
        this.meters = meters;
    }

    @Override
    public CardConnection connect(String cardId) throws CardException {
        CardConnection connection = reader.connect(cardId);
        return new CardConnection() {
            @Override
            public ResponseAPDU transmit(CommandAPDU command) throws CardException {
                Timer.Sample sample = Timer.start(meters);
                String outcome = "io-error";
                try {
                    ResponseAPDU response = connection.transmit(command);
                    outcome = outcome(response.getSW());
                    return response;
                } finally {
                    sample.stop(Timer.builder("jpki.card.apdu").description("APDUs sent to the card")
                            .tag("ins", String.format("%02X", command.getINS())).tag("outcome", outcome).register(meters));
                }
            }

            @Override
            public Optional<ReaderControl> readerControl() {
                return connection.readerControl();
            }

            @Override
            public void close() {
                connection.close();
            }
        };
    }

    static String outcome(int statusWord) {
        if (statusWord == 0x9000) {
            return "ok";
        }
        if (statusWord == 0x63C0 || statusWord == 0x6983 || statusWord == 0x6984) {
            return "blocked";
        }
        if ((statusWord & 0xFFF0) == 0x63C0) {
            return "wrong-pin";
        }
        return "refused";
    }
}
