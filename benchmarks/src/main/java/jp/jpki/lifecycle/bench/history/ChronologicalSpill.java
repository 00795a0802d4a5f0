package jp.jpki.lifecycle.bench.history;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Puts generated events into the order a real store has them: by time, all pairs interleaved. Pairs are generated
 * one whole history at a time, and a store written in that order makes every batch of a projection touch a decade
 * of days and months, which a store that grew day by day never does. Events are spilled to one file per month,
 * then each month is read back, sorted by time (ties in the order they were added, which keeps every pair's events
 * in sequence) and handed on in chunks.
 */
final class ChronologicalSpill implements AutoCloseable {

    private final Path directory;
    private final Map<YearMonth, DataOutputStream> months = new TreeMap<>();
    private long added;

    ChronologicalSpill(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    void add(StoredEvent event) {
        try {
            DataOutputStream out = months.computeIfAbsent(YearMonth.from(event.timestamp().atOffset(ZoneOffset.UTC)), this::open);
            out.writeLong(event.timestamp().getEpochSecond());
            out.writeInt(event.timestamp().getNano());
            out.writeUTF(event.eventId());
            out.writeUTF(event.aggregateId());
            out.writeLong(event.sequence());
            out.writeUTF(event.type());
            out.writeUTF(event.payloadType());
            out.writeBoolean(event.payloadRevision() != null);
            if (event.payloadRevision() != null) {
                out.writeUTF(event.payloadRevision());
            }
            write(out, event.payload());
            write(out, event.metaData());
            added++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long added() {
        return added;
    }

    /** Every event added, oldest first, in chunks of at most {@code chunk}; each month's file is deleted once read. */
    void drain(int chunk, Consumer<List<StoredEvent>> into) throws IOException {
        for (Map.Entry<YearMonth, DataOutputStream> month : months.entrySet()) {
            month.getValue().close();
            Path file = file(month.getKey());
            List<StoredEvent> events = read(file);
            Files.delete(file);
            // List.sort is stable: equal times keep the order they were added in
            events.sort(Comparator.comparing(StoredEvent::timestamp));
            for (int from = 0; from < events.size(); from += chunk) {
                into.accept(events.subList(from, Math.min(events.size(), from + chunk)));
            }
        }
        months.clear();
    }

    @Override
    public void close() throws IOException {
        for (Map.Entry<YearMonth, DataOutputStream> month : months.entrySet()) {
            month.getValue().close();
            Files.deleteIfExists(file(month.getKey()));
        }
        Files.deleteIfExists(directory);
    }

    private DataOutputStream open(YearMonth month) {
        try {
            return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file(month)), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(YearMonth month) {
        return directory.resolve(month + ".events");
    }

    private static List<StoredEvent> read(Path file) throws IOException {
        List<StoredEvent> events = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            while (true) {
                long seconds;
                try {
                    seconds = in.readLong();
                } catch (EOFException end) {
                    return events;
                }
                Instant timestamp = Instant.ofEpochSecond(seconds, in.readInt());
                events.add(new StoredEvent(timestamp, in.readUTF(), in.readUTF(), in.readLong(), in.readUTF(), in.readUTF(),
                        in.readBoolean() ? in.readUTF() : null, bytes(in), bytes(in)));
            }
        }
    }

    private static void write(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return bytes;
    }
}
