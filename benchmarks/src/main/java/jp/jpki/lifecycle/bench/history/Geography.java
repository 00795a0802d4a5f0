package jp.jpki.lifecycle.bench.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic municipalities and their offices. Sizes follow a Zipf-like curve (a few cities hold most residents,
 * most towns are small), as the real 1,741 municipalities do; the demo staff's municipality 131121 gets a fixed
 * share so the counter lookups, which are scoped to the caller's municipality, have data to find.
 */
final class Geography {

    static final String DEMO_MUNICIPALITY = "131121";
    static final String DEMO_OFFICE = "setagaya-main";
    private static final int MUNICIPALITIES = 1_741;

    record Municipality(String code, List<String> offices) {
    }

    private final List<Municipality> municipalities = new ArrayList<>();
    private final double[] cumulativeWeights;
    private final Municipality demo;
    private final double demoShare;

    Geography(double demoShare, Random random) {
        this.demoShare = demoShare;
        demo = new Municipality(DEMO_MUNICIPALITY, List.of(DEMO_OFFICE, "setagaya-kitazawa", "setagaya-tamagawa"));
        cumulativeWeights = new double[MUNICIPALITIES];
        double total = 0;
        for (int i = 0; i < MUNICIPALITIES; i++) {
            String code = "%02d%03d%d".formatted(1 + i % 47, 100 + i / 47, i % 10);
            int officeCount = i < 20 ? 6 : i < 200 ? 3 : 1;
            List<String> offices = new ArrayList<>();
            for (int o = 0; o < officeCount; o++) {
                offices.add("office-" + code + "-" + o);
            }
            municipalities.add(new Municipality(code, List.copyOf(offices)));
            total += 1.0 / Math.pow(i + 1, 0.9) + 0.0005 * random.nextDouble();
            cumulativeWeights[i] = total;
        }
        for (int i = 0; i < MUNICIPALITIES; i++) {
            cumulativeWeights[i] /= total;
        }
    }

    Municipality pick(Random random) {
        if (random.nextDouble() < demoShare) {
            return demo;
        }
        double dice = random.nextDouble();
        int low = 0;
        int high = MUNICIPALITIES - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulativeWeights[middle] < dice) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return municipalities.get(low);
    }
}
