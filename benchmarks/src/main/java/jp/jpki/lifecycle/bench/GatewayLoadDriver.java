package jp.jpki.lifecycle.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import jp.jpki.lifecycle.api.pair.BasicItem;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.Channel;
import jp.jpki.lifecycle.api.pair.MetadataKeys;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.api.pin.RecordPinLock;
import jp.jpki.lifecycle.api.revocation.ChangeBasicInfo;
import jp.jpki.lifecycle.api.revocation.ReportLoss;
import jp.jpki.lifecycle.api.revocation.RevocationCause;
import jp.jpki.lifecycle.api.revocation.RevokeCertificates;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;

/**
 * T1/T3: counter commands through Axon's CommandGateway in the standalone app's own JVM (no HTTP, no password
 * hashing), on the generated pairs whose certificates are both active, for a duration, by N synchronous senders.
 * The mix needs no card work, so no virtual card runs: PIN lock 40 %, basic-information change 25 % (revokes
 * SIGN: two events), loss reported (hold, two events) 20 %, revocation of SIGN at the holder's request 15 %. Each
 * pair gets one command; when they run out, the rest are PIN locks of SIGN on pairs already used. Reports
 * throughput, latency percentiles, rejections by the rules, and the projections' lag (events behind the store's
 * head, and the time since the oldest event not handled yet was stored, sampled every 250 ms) and the time to catch
 * up after the last command. The two phases are also reported on
 * their own: a pair's first command has to load it from the store, a repeat finds it in the aggregate cache (and
 * 40 % of repeats are refused, a SIGN revoked by the first command), so the overall rate depends on how far a
 * run gets past the fresh pairs.
 * Usage: GatewayLoadDriver dataDir [seconds=60] [senders=16]
 */
public final class GatewayLoadDriver {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUPERVISOR = "Basic " + Base64.getEncoder().encodeToString("supervisor:supervisor-demo".getBytes(StandardCharsets.UTF_8));

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    private final Map<String, List<Long>> phases = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> phaseCpu = new ConcurrentHashMap<>();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final AtomicLong lastFreshDone = new AtomicLong();
    private long runStart;
    private final AtomicInteger rejected = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final List<Long> lagSamples = Collections.synchronizedList(new ArrayList<>());
    /** Nanoseconds since the oldest event a projection has not handled yet was stored; 0 when all are at the head. */
    private final List<Long> lagTimeSamples = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, List<Long>> lagTimeByProjection = new ConcurrentHashMap<>();
    private String base;
    private DataSource eventStore;

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int senders = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        List<PairManifest.Pair> pairs = new ArrayList<>(PairManifest.read(dataDir).pairs().stream().filter(PairManifest.Pair::bothActive).toList());
        Collections.shuffle(pairs, new Random(11));
        try (StandaloneOnDataDir app = new StandaloneOnDataDir(dataDir)) {
            GatewayLoadDriver driver = new GatewayLoadDriver();
            driver.base = app.baseUrl();
            driver.eventStore = app.bean(DataSource.class);
            driver.awaitCaughtUp();
            driver.run(app.bean(CommandGateway.class), pairs, seconds, senders);
        }
        System.exit(0);
    }

    private void run(CommandGateway gateway, List<PairManifest.Pair> pairs, int seconds, int senders) throws Exception {
        System.out.printf("%,d pairs with both certificates active; %d senders for %d s%n", pairs.size(), senders, seconds);
        AtomicInteger next = new AtomicInteger();
        runStart = System.nanoTime();
        long end = runStart + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService load = Executors.newFixedThreadPool(senders + 1);
        load.submit(() -> {
            while (System.nanoTime() < end) {
                sampleLag();
                Thread.sleep(250);
            }
            return null;
        });
        for (int s = 0; s < senders; s++) {
            int sender = s;
            load.submit(() -> {
                Random random = new Random(sender);
                while (System.nanoTime() < end) {
                    int n = next.getAndIncrement();
                    PairManifest.Pair pair = pairs.get(n % pairs.size());
                    boolean fresh = n < pairs.size();
                    int dice = random.nextInt(100);
                    PairId id = new PairId(pair.pairId());
                    Object command = !fresh ? new RecordPinLock(id, CertificateKind.SIGN)
                            : dice < 40 ? new RecordPinLock(id, CertificateKind.AUTH)
                            : dice < 65 ? new ChangeBasicInfo(id, Set.of(BasicItem.ADDRESS), LocalDate.now())
                            : dice < 85 ? new ReportLoss(id)
                            : new RevokeCertificates(id, Set.of(CertificateKind.SIGN), RevocationCause.HOLDER_REQUEST);
                    send(gateway, command, pair, sender, fresh);
                }
                return null;
            });
        }
        load.shutdown();
        load.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        long catchUpStart = System.nanoTime();
        awaitCaughtUp();
        long catchUpMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - catchUpStart);

        List<Long> all = new ArrayList<>();
        latencies.values().forEach(all::addAll);
        System.out.printf("T1 throughput: %,.0f commands/s over %d s (%,d commands, %d rejected by a rule, %d failed)%n",
                (double) all.size() / seconds, seconds, all.size(), rejected.get(), failed.get());
        System.out.printf("   all          %s%n", new Percentiles(all).summary());
        latencies.forEach((type, samples) -> System.out.printf("   %-12s %s%n", type, new Percentiles(samples).summary()));
        double freshSeconds = (lastFreshDone.get() - runStart) / 1e9;
        List<Long> fresh = phases.getOrDefault("fresh", List.of());
        List<Long> repeats = phases.getOrDefault("repeat", List.of());
        System.out.printf("   fresh pairs  %,.0f commands/s over the first %.1f s; %s; sender CPU %.2f ms/command%n",
                fresh.size() / freshSeconds, freshSeconds, new Percentiles(fresh).summary(), cpuMsPerCommand("fresh", fresh.size()));
        if (!repeats.isEmpty()) {
            System.out.printf("   repeats      %,.0f commands/s over the last %.1f s; %s; sender CPU %.2f ms/command%n",
                    repeats.size() / (seconds - freshSeconds), seconds - freshSeconds, new Percentiles(repeats).summary(),
                    cpuMsPerCommand("repeat", repeats.size()));
        }
        Percentiles lag = new Percentiles(lagSamples);
        System.out.printf("T3 projection lag (events behind the head, worst projection, %d samples): p50 %d  p99 %d  max %d; "
                + "caught up %d ms after the last command%n", lag.count(), lag.at(50), lag.at(99), lag.at(100), catchUpMs);
        System.out.printf("T3 projection lag in time (since the oldest event not handled yet was stored): %s%n",
                new Percentiles(lagTimeSamples).summary());
        lagTimeByProjection.forEach((name, samples) -> System.out.printf("   %-18s %s%n", name, new Percentiles(samples).summary()));
    }

    private void send(CommandGateway gateway, Object command, PairManifest.Pair pair, int sender, boolean fresh) {
        MetaData metaData = MetaData.with(MetadataKeys.OPERATOR, "bench-op-" + sender)
                .and(MetadataKeys.OFFICE, pair.office())
                .and(MetadataKeys.MUNICIPALITY, pair.municipality())
                .and(MetadataKeys.TERMINAL, pair.office() + "-terminal-0")
                .and(MetadataKeys.CHANNEL, Channel.COUNTER.name());
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        try {
            gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData), 30, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            if (e.getClass().getSimpleName().contains("RuleViolation") || e.getCause() != null
                    && e.getCause().getClass().getSimpleName().contains("RuleViolation")) {
                rejected.incrementAndGet();
            } else {
                failed.incrementAndGet();
            }
        }
        long done = System.nanoTime();
        phaseCpu.computeIfAbsent(fresh ? "fresh" : "repeat", k -> new AtomicLong())
                .addAndGet(threads.getCurrentThreadCpuTime() - cpuStart);
        latencies.computeIfAbsent(command.getClass().getSimpleName(), k -> Collections.synchronizedList(new ArrayList<>()))
                .add(done - start);
        phases.computeIfAbsent(fresh ? "fresh" : "repeat", k -> Collections.synchronizedList(new ArrayList<>())).add(done - start);
        if (fresh) {
            lastFreshDone.accumulateAndGet(done, Math::max);
        }
    }

    /**
     * CPU time of the sending threads, which run each command through the synchronous command bus from load to
     * commit: unlike throughput, barely moved by other processes on the machine (projections run on other threads).
     */
    private double cpuMsPerCommand(String phase, int commands) {
        return phaseCpu.getOrDefault(phase, new AtomicLong()).get() / 1e6 / Math.max(1, commands);
    }

    private void sampleLag() throws Exception {
        long behind = 0;
        long worst = 0;
        Instant asked = Instant.now(); // before the positions are read: the sampler's own delays must not count as lag
        for (JsonNode report : projections()) {
            long head = report.at("/progress/head").asLong();
            long position = report.at("/progress/position").asLong();
            long since = position < head ? sinceStored(position, asked) : 0;
            behind = Math.max(behind, head - position);
            worst = Math.max(worst, since);
            lagTimeByProjection.computeIfAbsent(report.at("/progress/name").asText(),
                    name -> Collections.synchronizedList(new ArrayList<>())).add(since);
        }
        lagSamples.add(behind);
        lagTimeSamples.add(worst);
    }

    /**
     * How long before {@code asked} the first event after {@code position} was stored (the store and this driver
     * share one clock); an event's time stamp is taken when its command is handled, so this includes the rest of that
     * command's handling.
     */
    private long sinceStored(long position, Instant asked) throws SQLException {
        try (Connection connection = eventStore.getConnection();
             PreparedStatement next = connection.prepareStatement(
                     "SELECT timeStamp FROM DomainEventEntry WHERE globalIndex > ? ORDER BY globalIndex LIMIT 1")) {
            next.setLong(1, position);
            try (ResultSet event = next.executeQuery()) {
                return event.next() ? Math.max(0, Duration.between(Instant.parse(event.getString(1)), asked).toNanos()) : 0;
            }
        }
    }

    private JsonNode projections() throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/projections"))
                .header("Authorization", SUPERVISOR).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private long lag() {
        try {
            long lag = 0;
            for (JsonNode report : projections()) {
                lag = Math.max(lag, report.at("/progress/head").asLong() - report.at("/progress/position").asLong());
            }
            return lag;
        } catch (Exception e) {
            return 0;
        }
    }

    private void awaitCaughtUp() throws InterruptedException {
        while (lag() > 0) {
            Thread.sleep(100);
        }
    }
}
