package nl.zorgtafel.performance.loaddriver;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The load itself: partner messages from the {@link MessageMix}, sent at the target rate
 * (open loop, paced by a {@link RateLimiter}) or as fast as the workers get answers
 * ({@code --rate max}), with at most {@code concurrency} in flight. A share of the messages
 * is sent a second time a few seconds later, as a partner system does that did not hear
 * the first answer. Every attempt is kept with its answer for the checks at the end.
 */
final class LoadRun {

    /**
     * One request and its answer. {@code status} is the HTTP status, or -1 when no answer
     * came (connection refused or reset, timeout); {@code error} then says why.
     */
    record Attempt(PartnerMessage message, boolean repeat, long dueNanos, long sentNanos, long doneNanos, int status,
                   String answeredId, String answeredStatus, String error) {

        boolean acknowledged() {
            return status == 200 || status == 202;
        }

        long latencyNanos() {
            return doneNanos - dueNanos;
        }
    }

    private final PlatformClient platform;
    private final MessageMix mix;
    private final Double rate;
    private final Duration duration;
    private final int concurrency;
    private final double duplicateFraction;
    private final Random random;
    private final LatencyRecorder latencies = new LatencyRecorder();
    private final Map<String, LatencyRecorder> partnerLatencies = new ConcurrentHashMap<>();
    private final List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
    private final PriorityQueue<long[]> repeatsDue = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
    private final Map<Long, PartnerMessage> repeatMessages = new ConcurrentHashMap<>();
    private final AtomicLong repeatIds = new AtomicLong();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile long startNanos;
    private volatile long endNanos;

    /**
     * @param rate messages per second, or null for as fast as possible
     * @param duplicateFraction share of messages sent a second time, 0..1
     */
    LoadRun(PlatformClient platform, MessageMix mix, Double rate, Duration duration, int concurrency,
            double duplicateFraction, long seed) {
        this.platform = platform;
        this.mix = mix;
        this.rate = rate;
        this.duration = duration;
        this.concurrency = concurrency;
        this.duplicateFraction = duplicateFraction;
        this.random = new Random(seed ^ 0x5DEECE66DL);
    }

    /** Starts sending in the background; returns the start on the nanosecond clock. */
    long start() {
        ThreadPoolExecutor workers = new ThreadPoolExecutor(concurrency, concurrency, 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemon("load-worker"));
        ExecutorService pacer = Executors.newSingleThreadExecutor(daemon("load-pacer"));
        startNanos = System.nanoTime();
        long deadline = startNanos + duration.toNanos();
        if (rate != null) {
            pacer.execute(() -> openLoop(workers, deadline));
        } else {
            pacer.execute(() -> closedLoop(workers, deadline));
        }
        pacer.shutdown();
        return startNanos;
    }

    /** Waits until every request sent has its answer. */
    void awaitCompletion() throws InterruptedException {
        finished.await();
    }

    private void openLoop(ThreadPoolExecutor workers, long deadline) {
        RateLimiter limiter = new RateLimiter(rate, System::nanoTime);
        limiter.start();
        long total = limiter.requestsIn(deadline - limiter.startNanos());
        try {
            for (long i = 0; i < total; i++) {
                long wait;
                while ((wait = limiter.nanosUntil(i)) > 0) {
                    LockSupport.parkNanos(wait);
                }
                long due = limiter.dueAt(i);
                Job job = nextJob(i, rate * 5);
                workers.execute(() -> send(job, due));
            }
        } finally {
            complete(workers);
        }
    }

    private void closedLoop(ThreadPoolExecutor workers, long deadline) {
        AtomicLong index = new AtomicLong();
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int w = 0; w < concurrency; w++) {
            workers.execute(() -> {
                try {
                    while (System.nanoTime() < deadline) {
                        Job job = nextJob(index.getAndIncrement(), concurrency * 50d);
                        send(job, System.nanoTime());
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        complete(workers);
    }

    private void complete(ThreadPoolExecutor workers) {
        workers.shutdown();
        try {
            workers.awaitTermination(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        endNanos = System.nanoTime();
        finished.countDown();
    }

    /** A new message, or a repeat that is due; a new one is sometimes scheduled to be repeated. */
    private Job nextJob(long index, double repeatWindow) {
        synchronized (repeatsDue) {
            long[] head = repeatsDue.peek();
            if (head != null && head[0] <= index) {
                repeatsDue.poll();
                return new Job(repeatMessages.remove(head[1]), true);
            }
            PartnerMessage message = mix.next();
            if (random.nextDouble() < duplicateFraction) {
                long id = repeatIds.incrementAndGet();
                repeatMessages.put(id, message);
                repeatsDue.add(new long[] {index + 1 + (long) (random.nextDouble() * repeatWindow), id});
            }
            return new Job(message, false);
        }
    }

    private void send(Job job, long due) {
        long sent = System.nanoTime();
        Attempt attempt;
        try {
            PlatformClient.Answer answer = platform.post(job.message());
            long done = System.nanoTime();
            attempt = new Attempt(job.message(), job.repeat(), due, sent, done, answer.status(),
                    answer.text("messageId"), answer.text("status"), null);
            latencies.record(due, done - due);
            partnerLatencies.computeIfAbsent(job.message().partnerId(), p -> new LatencyRecorder())
                    .record(due, done - due);
        } catch (IOException e) {
            attempt = new Attempt(job.message(), job.repeat(), due, sent, System.nanoTime(), -1, null, null,
                    e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        attempts.add(attempt);
    }

    long startNanos() {
        return startNanos;
    }

    long endNanos() {
        return endNanos;
    }

    LatencyRecorder latencies() {
        return latencies;
    }

    Map<String, LatencyRecorder> partnerLatencies() {
        return partnerLatencies;
    }

    List<Attempt> attempts() {
        synchronized (attempts) {
            return List.copyOf(attempts);
        }
    }

    private record Job(PartnerMessage message, boolean repeat) {
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong count = new AtomicLong();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
