package nl.zorgtafel.performance.loaddriver;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one HTTP round trip costs on this machine with the load's client, storing nothing:
 * closed-loop {@code GET /api/v1/health} (unauthenticated) through the same
 * {@link PlatformClient}, with as many requests in flight as the load, after a warm-up. No
 * endpoint of the platform answers faster than this, so it bounds what ingestion over HTTP
 * can reach; the report shows ingestion as a share of it beside the floor.
 */
final class HttpCeiling {

    /**
     * What was measured: the requests sent after the warm-up and before the end, those of
     * them not answered 200 UP ({@code failed}, no answer included), the time from the end
     * of the warm-up until the last of them was answered, and the latency of every answered
     * one from when it was sent.
     */
    record Result(int concurrency, long requests, long failed, long nanos, LatencyRecorder latencies) {

        double requestsPerSecond() {
            return nanos <= 0 ? 0 : (requests - failed) * 1e9 / nanos;
        }
    }

    private HttpCeiling() {
    }

    static Result measure(PlatformClient platform, int concurrency, Duration warmUp, Duration time)
            throws InterruptedException {
        ExecutorService workers = Executors.newFixedThreadPool(concurrency, LoadRun.daemon("ceiling-worker"));
        LatencyRecorder latencies = new LatencyRecorder();
        AtomicLong requests = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime() + warmUp.toNanos();
        long end = start + time.toNanos();
        AtomicLong lastAnswer = new AtomicLong(start);
        for (int w = 0; w < concurrency; w++) {
            workers.execute(() -> {
                long sent;
                while ((sent = System.nanoTime()) < end) {
                    boolean up = false;
                    boolean answered = false;
                    try {
                        up = platform.health().up();
                        answered = true;
                    } catch (IOException noAnswer) {
                        // counted as failed below
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    long done = System.nanoTime();
                    if (sent < start) {
                        continue;
                    }
                    requests.incrementAndGet();
                    if (!up) {
                        failed.incrementAndGet();
                    }
                    if (answered) {
                        latencies.record(sent, done - sent);
                    }
                    lastAnswer.accumulateAndGet(done, Math::max);
                }
            });
        }
        workers.shutdown();
        if (!workers.awaitTermination(time.toMillis() + warmUp.toMillis() + 60_000, TimeUnit.MILLISECONDS)) {
            workers.shutdownNow();
        }
        return new Result(concurrency, requests.get(), failed.get(), lastAnswer.get() - start, latencies);
    }
}
