package jp.jpki.lifecycle.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The pairs the history generator wrote ({@code <data-dir>/bench/pairs.csv}), as the load drivers use them. */
record PairManifest(List<Pair> pairs) {

    record Pair(String pairId, String municipality, String office, String residentRef, String cardId, String signStatus,
                String signSerial, String authStatus, String authSerial) {

        boolean bothActive() {
            return signStatus.equals("ACTIVE") && authStatus.equals("ACTIVE");
        }
    }

    static PairManifest read(Path dataDir) throws IOException {
        try (Stream<String> lines = Files.lines(dataDir.resolve("bench/pairs.csv"))) {
            return new PairManifest(lines.skip(1).map(line -> line.split(",", -1))
                    .map(f -> new Pair(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8])).toList());
        }
    }

    List<Pair> in(String municipality) {
        return pairs.stream().filter(p -> p.municipality().equals(municipality)).toList();
    }
}
