package jp.jpki.lifecycle.card.terminal;

import java.util.EnumMap;
import java.util.Map;
import javax.smartcardio.CardException;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.Channel;
import jp.jpki.lifecycle.api.pair.MetadataKeys;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.api.pin.RecordPinLock;
import jp.jpki.lifecycle.card.jpki.CardResult;
import jp.jpki.lifecycle.card.jpki.JpkiCard;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PIN checks at the counter, with the public JPKI commands only, and how a lock seen there reaches the pair:
 * whenever the card answers "blocked" (R-PIN-6: 63C0, 6983, 6984) to a PIN entry or to the retry-counter
 * query, the terminal sends {@link RecordPinLock} for the pair the clerk is serving, which records
 * {@code PinLocked} (R-PIN-2, R-PIN-3). The card is the authority on the counter (R-PIN-2); the backend
 * learns of a lock only when a card is read at a counter.
 */
public final class CounterPinCheck {

    private static final Logger log = LoggerFactory.getLogger(CounterPinCheck.class);

    private final String terminalId;
    private final CardReader reader;
    private final PinEntry pinEntry;
    private final CommandGateway commands;

    public CounterPinCheck(String terminalId, CardReader reader, PinEntry pinEntry, CommandGateway commands) {
        this.terminalId = terminalId;
        this.reader = reader;
        this.pinEntry = pinEntry;
        this.commands = commands;
    }

    /** The resident types their PIN and the card checks it. */
    public CardResult verify(PairId pair, String cardId, CertificateKind kind) {
        try (CardConnection connection = reader.connect(cardId)) {
            new JpkiCard(connection).selectApplication().dataOrThrow("SELECT JPKI AP");
            return reportIfBlocked(pair, kind, pinEntry.verify(connection, kind));
        } catch (CardException e) {
            throw new CardWorkException("PIN check at terminal " + terminalId + ": " + e.getMessage(), e);
        }
    }

    /** Both retry counters, read without any PIN when a card is inserted: WrongPin(x) there means x tries left. */
    public Map<CertificateKind, CardResult> inspect(PairId pair, String cardId) {
        try (CardConnection connection = reader.connect(cardId)) {
            JpkiCard card = new JpkiCard(connection);
            card.selectApplication().dataOrThrow("SELECT JPKI AP");
            Map<CertificateKind, CardResult> counters = new EnumMap<>(CertificateKind.class);
            for (CertificateKind kind : CertificateKind.values()) {
                counters.put(kind, reportIfBlocked(pair, kind, card.retryCounter(kind)));
            }
            return counters;
        } catch (CardException e) {
            throw new CardWorkException("retry counters at terminal " + terminalId + ": " + e.getMessage(), e);
        }
    }

    private CardResult reportIfBlocked(PairId pair, CertificateKind kind, CardResult result) {
        if (result instanceof CardResult.Blocked) {
            MetaData metaData = MetaData.with(MetadataKeys.TERMINAL, terminalId).and(MetadataKeys.CHANNEL, Channel.COUNTER.name());
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RecordPinLock(pair, kind)).andMetaData(metaData));
                log.info("terminal {} reported a {} PIN lock on pair {}", terminalId, kind, pair);
            } catch (RuntimeException refused) {
                // e.g. R-PIN-3: no valid certificate to record it on; the card's answer still goes back to the clerk
                log.warn("terminal {}: the {} PIN lock on pair {} was not recorded: {}", terminalId, kind, pair,
                        refused.getMessage());
            }
        }
        return result;
    }
}
