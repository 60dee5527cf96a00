package nl.zorgtafel.partner.testkit;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * One case of a fuzz test: a seed and an index, from which the case draws everything it
 * generates. The seed is fixed, so that every build tries the same cases; set it with
 * {@code -Dzorgtafel.fuzz.seed=<long>} to try others or to bring a failing case back, and
 * multiply the number of cases with {@code -Dzorgtafel.fuzz.scale=<factor>} ({@code 10} for
 * ten times as many, {@code 0.1} for a tenth). A case's name shows its seed and index, never
 * what it generated: that may hold a BSN or a name from a sample.
 *
 * @param kind what the case generates, for its name ("damaged sample")
 */
record FuzzCase(String kind, long seed, int index) {

    static final String SEED_PROPERTY = "zorgtafel.fuzz.seed";
    static final String SCALE_PROPERTY = "zorgtafel.fuzz.scale";
    static final long DEFAULT_SEED = 20150511L;

    /** Case 0 up to {@code tries} times the scale (at least one), all of the one seed. */
    static Stream<FuzzCase> cases(String kind, int tries) {
        long seed = Long.parseLong(System.getProperty(SEED_PROPERTY, Long.toString(DEFAULT_SEED)));
        double scale = Double.parseDouble(System.getProperty(SCALE_PROPERTY, "1"));
        int count = (int) Math.max(1, Math.round(tries * scale));
        return IntStream.range(0, count).mapToObj(index -> new FuzzCase(kind, seed, index));
    }

    /**
     * The case's own generator: the same for the same seed and index however many cases run.
     * The seed is spread by the golden-ratio constant so that neighbouring seeds do not share
     * cases shifted by one.
     */
    RandomGenerator random() {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
    }

    @Override
    public String toString() {
        return kind + " #" + index + " of seed " + seed;
    }
}
