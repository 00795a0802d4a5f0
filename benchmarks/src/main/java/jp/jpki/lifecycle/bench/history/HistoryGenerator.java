package jp.jpki.lifecycle.bench.history;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.time.JapanTime;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * Writes a national-shaped history of {@code pairs} certificate pairs into a fresh data directory of the standalone
 * app, in time order as a store that grew day by day holds them ({@link ChronologicalSpill}), and a manifest of the
 * pairs ({@code <data-dir>/bench/pairs.csv}) for the load drivers. Start the app on the directory afterwards: its
 * projections build from the store.
 * <p>
 * The directory must be new: on an existing one the card-work saga already tracks the store and would start card
 * work for every generated issuance. Deadlines (expiry, renewal window) of the generated certificates are not
 * scheduled; the history already contains the ones that fell due before today.
 * <p>
 * Usage: HistoryGenerator dataDir [pairs=1000000] [demoShare=0.05] [seed=20261203]
 */
public final class HistoryGenerator {

    private static final int BATCH_EVENTS = 20_000;

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        double demoShare = args.length > 2 ? Double.parseDouble(args[2]) : 0.05;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 20261203L;
        if (Files.exists(dataDir.resolve("events")) || Files.exists(dataDir.resolve("mongo"))) {
            throw new IllegalArgumentException(dataDir + " already holds a store; generate into a new directory");
        }
        new HistoryGenerator().generate(dataDir, pairs, demoShare, seed, Clock.system(JapanTime.ZONE));
        System.exit(0);
    }

    private void generate(Path dataDir, int pairs, double demoShare, long seed, Clock clock) throws Exception {
        Files.createDirectories(dataDir.resolve("bench"));
        Random random = new Random(seed);
        Geography geography = new Geography(demoShare, random);
        CertificateTemplates certificates = new CertificateTemplates(dataDir.resolve("ca/jpki-ca.p12"), clock);
        LocalDate today = LocalDate.now(clock);
        Map<String, Long> byType = new TreeMap<>();
        Progress progress = new Progress();
        ExecutorService spilling = Executors.newSingleThreadExecutor();
        try (EventStoreWriter store = new EventStoreWriter(dataDir);
             ChronologicalSpill spill = new ChronologicalSpill(dataDir.resolve("bench/spill"));
             BufferedWriter manifest = Files.newBufferedWriter(dataDir.resolve("bench/pairs.csv"))) {
            manifest.write("pairId,municipality,office,residentRef,cardId,signStatus,signSerial,authStatus,authSerial\n");
            List<DomainEventMessage<?>> batch = new ArrayList<>();
            Future<?> inFlight = null;
            for (int i = 0; i < pairs; i++) {
                PairHistory history = PairHistory.generate(i, geography, certificates, today, random);
                batch.addAll(history.events());
                history.events().forEach(e -> byType.merge(e.getPayloadType().getSimpleName(), 1L, Long::sum));
                write(manifest, history.summary());
                if (batch.size() >= BATCH_EVENTS || i == pairs - 1) {
                    // generation and serialization overlap: one batch in flight while the next is generated
                    if (inFlight != null) {
                        inFlight.get();
                    }
                    List<DomainEventMessage<?>> full = batch;
                    inFlight = spilling.submit(() -> full.forEach(event -> spill.add(store.stored(event))));
                    batch = new ArrayList<>();
                }
                progress.report("generated", i + 1, spill.added());
            }
            if (inFlight != null) {
                inFlight.get();
            }
            long generated = spill.added();
            long[] written = {0};
            spill.drain(BATCH_EVENTS, chunk -> {
                store.append(chunk);
                written[0] += chunk.size();
                progress.report("written in time order", pairs, written[0]);
            });
            progress.done(pairs, generated);
        } finally {
            spilling.shutdown();
        }
        byType.forEach((type, count) -> System.out.printf("  %-28s %,12d%n", type, count));
    }

    /** A line every 10 s, so that a run of an hour shows where it is. */
    private static final class Progress {
        private final long start = System.nanoTime();
        private long last = start;

        void report(String stage, int pairs, long events) {
            if (System.nanoTime() - last > TimeUnit.SECONDS.toNanos(10)) {
                last = System.nanoTime();
                print(stage, pairs, events);
            }
        }

        void done(int pairs, long events) {
            print("done", pairs, events);
        }

        private void print(String stage, int pairs, long events) {
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%s: %,d pairs, %,d events in %.0f s (%,.0f events/s)%n", stage, pairs, events, seconds, events / seconds);
        }
    }

    private static void write(BufferedWriter manifest, PairHistory.Summary pair) throws IOException {
        manifest.write(String.join(",", pair.pairId(), pair.municipality(), pair.officeId(), pair.residentRef(), pair.cardId(),
                pair.statuses().get(CertificateKind.SIGN).name(), pair.serials().get(CertificateKind.SIGN),
                pair.statuses().get(CertificateKind.AUTH).name(), pair.serials().get(CertificateKind.AUTH)));
        manifest.write('\n');
    }
}
