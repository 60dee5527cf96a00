package nl.zorgtafel.performance.loaddriver;

import java.util.Arrays;
import java.util.List;

/**
 * How a measurement taken in slices spread: the median slice, the slowest and the fastest,
 * and how many slices there were. On a machine shared with other work one slow or fast
 * second moves a mean; the median holds, and min and max show how far the seconds wandered.
 * {@code -1} for each figure when there were no slices.
 */
record Spread(int count, double median, double min, double max) {

    /** The median of an even count is the mean of the middle two. */
    static Spread of(List<Double> values) {
        if (values.isEmpty()) {
            return new Spread(0, -1, -1, -1);
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Spread(sorted.length, median, sorted[0], sorted[sorted.length - 1]);
    }
}
