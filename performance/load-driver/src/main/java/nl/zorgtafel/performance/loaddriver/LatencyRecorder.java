package nl.zorgtafel.performance.loaddriver;

import java.util.Arrays;

/**
 * Latencies of a run, in nanoseconds, each with the time it was due: percentiles over all of
 * them or over a window (a swap, a crash). Keeps every sample (a minute at a few hundred a
 * second is some tens of thousands of longs); thread-safe.
 */
final class LatencyRecorder {

    private long[] due = new long[1024];
    private long[] latency = new long[1024];
    private int size;

    /** Records one request: when it was due and how long it took from then until its answer. */
    synchronized void record(long dueNanos, long latencyNanos) {
        if (latencyNanos < 0) {
            throw new IllegalArgumentException("negative latency");
        }
        if (size == latency.length) {
            due = Arrays.copyOf(due, size * 2);
            latency = Arrays.copyOf(latency, size * 2);
        }
        due[size] = dueNanos;
        latency[size] = latencyNanos;
        size++;
    }

    synchronized int count() {
        return size;
    }

    /**
     * The nearest-rank percentile: the smallest recorded value that at least {@code p}
     * percent of the samples do not exceed; -1 when there are none.
     */
    synchronized long percentile(double p) {
        return percentileOf(Arrays.copyOf(latency, size), p);
    }

    synchronized long max() {
        long max = -1;
        for (int i = 0; i < size; i++) {
            max = Math.max(max, latency[i]);
        }
        return max;
    }

    /** The samples that were due in {@code [fromNanos, toNanos)}. */
    synchronized LatencyRecorder window(long fromNanos, long toNanos) {
        LatencyRecorder window = new LatencyRecorder();
        for (int i = 0; i < size; i++) {
            if (due[i] >= fromNanos && due[i] < toNanos) {
                window.record(due[i], latency[i]);
            }
        }
        return window;
    }

    static long percentileOf(long[] values, double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100]");
        }
        if (values.length == 0) {
            return -1;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100d * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
