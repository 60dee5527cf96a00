package nl.zorgtafel.performance.loaddriver;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The load driver: configures a distribution, measures the floor and the HTTP ceiling,
 * drives the message mix with swaps and a crash, checks what became of every message and
 * notification, and reports. One command; see {@link Options#USAGE} and the README of this module.
 */
public final class LoadDriver {

    private static final List<String> HTTP_PARTNERS = List.of("ggz", "rvdk", "horizon", "jbrr");
    private static final String FILE_PARTNER = "mee";

    private final Options options;
    private final PrintStream out;

    LoadDriver(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            out.println("load-driver: " + e.getMessage());
            out.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            out.println(Options.USAGE);
            return;
        }
        try {
            new LoadDriver(options, out).run(String.join(" ", args));
        } catch (Exception e) {
            out.println("load-driver: failed: " + e);
            System.exit(1);
        }
    }

    void run(String commandLine) throws Exception {
        Path home = options.karafHome();
        if (!Files.isExecutable(home.resolve("bin/start"))) {
            throw new IOException(home + " is not an unpacked distribution (no bin/start)");
        }
        Setup setup = new Setup(home);
        Path key = setup.sshKey();
        KarafControl karaf = new KarafControl(home, setup.sshPort(), key);
        boolean running = karaf.karafProcess().isPresent();
        if (!options.ports().isEmpty()) {
            if (running) {
                progress("the distribution runs: --ports not written (stop it first)");
            } else {
                setup.writePorts(options.ports()).forEach(line -> progress("port " + line));
            }
        }
        karaf = new KarafControl(home, setup.sshPort(), key);

        try (FakePartnerEndpoints endpoints = new FakePartnerEndpoints(HTTP_PARTNERS);
             FileDropCounter meeFiles = new FileDropCounter(
                     setup.workDirectory().resolve("mee-outbox-" + options.runId()), "notificatie_")) {
            Map<String, String> urls = new LinkedHashMap<>();
            HTTP_PARTNERS.forEach(partner -> urls.put(partner, endpoints.url(partner).toString()));
            Path log = home.resolve("data/log/karaf.log");
            long logMark = Files.exists(log) ? Files.size(log) : 0;
            boolean coreRestarts = setup.writeCoreSettings(options.processingPatienceMillis());
            Setup.Credentials credentials = setup.configure(urls, Map.of(FILE_PARTNER, meeFiles.directory()));
            progress("configured " + home + ": tokens, outbound endpoints " + urls.values() + ", MEE files in "
                    + meeFiles.directory());
            PlatformClient platform = new PlatformClient(setup.httpPort(), credentials.tokens(), credentials.user(),
                    credentials.password(), options.requestTimeout());
            if (!running) {
                progress("starting the distribution (bin/start)");
                karaf.start();
            }
            if (coreRestarts && running) {
                waitUntil("the core restarted with the run's settings",
                        Duration.ofSeconds(90), () -> logShowsSince(log, logMark, "Zorgtafel core started"));
            }
            waitUntil("health UP", Duration.ofSeconds(180), platform::healthUp);
            waitUntil("partner tokens and the driver's person accepted", Duration.ofSeconds(90),
                    () -> credentialsAccepted(platform));
            KarafControl.CommandResult shell = karaf.shellWhenReady("bundle:list -t 0 -s nl.zorgtafel.core",
                    Duration.ofSeconds(60));
            if (shell.failed()) {
                throw new IOException("the Karaf shell does not take the driver's key: " + shell.output());
            }
            if (options.splitBootFeatures()) {
                splitBootFeatures(karaf);
            }
            if (options.setupOnly()) {
                progress("set up; --setup-only: done");
                return;
            }
            execute(commandLine, home, setup, karaf, platform, endpoints, meeFiles);
        } finally {
            if (options.stopAfter()) {
                progress("stopping the distribution (bin/stop)");
                karaf.stop();
            }
        }
    }

    private void execute(String commandLine, Path home, Setup setup, KarafControl karaf, PlatformClient platform,
                         FakePartnerEndpoints endpoints, FileDropCounter meeFiles) throws Exception {
        OffsetDateTime startedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        TestYouths youths = new TestYouths(options.youths(), options.seed());
        MessageMix mix = new MessageMix(options.mix(), youths, options.runId(), options.badPercent() / 100,
                options.crisisPercent() / 100, options.seed());

        byte[] floorSample = new MessageMix(Map.of("ggz", 1), youths, options.runId(), 0, 0.3, options.seed())
                .next("ggz").body();
        Floor.Result floorBefore = floor(setup, floorSample, "before the load");
        Report.Ceiling ceiling = ceiling(platform);

        Path updateJar = options.updateJar() != null ? options.updateJar()
                : SwapScenario.shippedJar(home, options.swapPartner()).orElse(null);
        boolean needsJar = options.swaps().stream().anyMatch(plan -> plan.kind() != SwapScenario.Kind.STOP_START);
        if (needsJar && updateJar == null) {
            throw new IOException("no jar for the update swap: give --update-jar");
        }
        SwapScenario swapper = new SwapScenario(karaf, platform, options.swapPartner(), updateJar, options.swapPause(),
                options.swapTail().plusSeconds(1));
        CrashScenario crasher = new CrashScenario(karaf, platform, Duration.ofSeconds(180));

        if (!options.warmup().isZero()) {
            // other youths than the run's, so that the run's cases and their notifications start afresh
            TestYouths warmYouths = new TestYouths(options.youths(), options.seed(), true);
            MessageMix warmMix = new MessageMix(options.mix(), warmYouths, options.runId() + "w",
                    options.badPercent() / 100, options.crisisPercent() / 100, options.seed() + 1);
            LoadRun warm = new LoadRun(platform, warmMix, options.rate(), options.warmup(), options.concurrency(), 0,
                    options.seed() + 1);
            progress("warm-up: " + options.warmup().toSeconds() + " s, not measured");
            warm.start();
            warm.awaitCompletion();
            long settled = new Verifier(platform, options.settleTimeout())
                    .settle(System.nanoTime() + options.settleTimeout().toNanos());
            progress("warm-up done: " + warm.attempts().size() + " requests, settled "
                    + (settled < 0 ? "NOT within the settle timeout" : "in " + settled + " ms"));
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
            endpoints.reset();
            meeFiles.reset();
        }
        progress("census of the cases before the run");
        CaseCensus before = CaseCensus.take(platform, options.runId());
        List<PlatformClient.PartnerState> partnersBefore = platform.partners().orElseThrow(
                () -> new IOException("GET /api/v1/partners did not answer"));

        LoadRun load = new LoadRun(platform, mix, options.rate(), options.duration(), options.concurrency(),
                options.duplicatePercent() / 100, options.seed());
        ScheduledExecutorService events = Executors.newSingleThreadScheduledExecutor(LoadRun.daemon("load-events"));
        List<Future<SwapScenario.Result>> swapFutures = new ArrayList<>();
        Future<CrashScenario.Result> crashFuture = null;
        progress("load: " + (options.maxRate() ? "max" : Report.fmt(options.rate()) + " msg/s") + " for "
                + options.duration().toSeconds() + " s, " + options.concurrency() + " in flight at most");
        String loadAverageStart = loadAverage();
        long start = load.start();
        for (SwapScenario.Plan plan : options.swaps()) {
            swapFutures.add(events.schedule(() -> {
                progress("swap " + plan.kind().label() + " @" + plan.at().toSeconds() + " s");
                return swapper.run(plan);
            }, delay(start, plan.at()), TimeUnit.NANOSECONDS));
        }
        if (options.crashAt() != null) {
            crashFuture = events.schedule(() -> {
                progress("crash: kill -9 @" + options.crashAt().toSeconds() + " s");
                return crasher.run(options.crashAt());
            }, delay(start, options.crashAt()), TimeUnit.NANOSECONDS);
        }
        load.awaitCompletion();
        String loadAverage = loadAverageStart + " -> " + loadAverage();
        List<SwapScenario.Result> swapResults = new ArrayList<>();
        for (Future<SwapScenario.Result> future : swapFutures) {
            swapResults.add(get(future));
        }
        CrashScenario.Result crash = crashFuture == null ? null : get(crashFuture);
        events.shutdown();
        progress("load done: " + load.attempts().size() + " requests; waiting for inbox and outbox to empty");

        Verifier verifier = new Verifier(platform, options.settleTimeout());
        long settleMillis = verifier.settle(System.nanoTime() + options.settleTimeout().toNanos());
        // the file channel writes before it records delivery; a last look a moment later catches a late rename
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        CaseCensus after = CaseCensus.take(platform, options.runId());
        List<PlatformClient.PartnerState> partnersAfter = platform.partners().orElse(List.of());
        progress("checking " + load.attempts().size() + " requests against the platform");
        Verifier.Inbound inbound = verifier.inbound(load.attempts(), after);
        Verifier.Outbound outbound = verifier.outbound(before, after, partnersBefore, partnersAfter, endpoints,
                Map.of(FILE_PARTNER, meeFiles), settleMillis >= 0, settleMillis);

        Floor.Result floorAfter = floor(setup, floorSample, "after the load");
        Report.FloorFigure floor = floorBefore == null || floorAfter == null ? null
                : Report.FloorFigure.of(floorBefore, floorAfter, options.floor().toMillis() / 1000d);
        Report report = new ReportBuilder(options).report(commandLine, startedAt, loadAverage, floor, ceiling, load,
                inbound, outbound, swapResults, crash, setup.processingPatience());
        report.print(out);
        report.write(options.report());
        out.println();
        out.println("report written to " + options.report());
    }

    private Floor.Result floor(Setup setup, byte[] sample, String when) throws Exception {
        if (options.floor().isZero()) {
            return null;
        }
        progress("measuring the floor " + when + " for " + options.floor().toSeconds() + " s in "
                + setup.workDirectory());
        Floor.Result result = Floor.measure(setup.workDirectory(), sample, options.floor());
        Spread slices = result.spread();
        progress("floor " + when + ": " + Report.fmt(result.messagesPerSecond()) + " msg/s; " + slices.count()
                + " slices, median " + Report.fmt(slices.median()) + ", min " + Report.fmt(slices.min()) + ", max "
                + Report.fmt(slices.max()));
        return result;
    }

    /** The HTTP ceiling: closed-loop GET /health with the load's concurrency, after a second of warm-up. */
    private Report.Ceiling ceiling(PlatformClient platform) throws InterruptedException {
        if (options.ceiling().isZero()) {
            return null;
        }
        progress("measuring the HTTP ceiling (GET /api/v1/health, " + options.concurrency() + " in flight) for "
                + options.ceiling().toSeconds() + " s");
        Report.Ceiling ceiling = Report.Ceiling.of(HttpCeiling.measure(platform, options.concurrency(),
                Duration.ofSeconds(1), options.ceiling()));
        progress("HTTP ceiling: " + Report.fmt(ceiling.requestsPerSecond()) + " req/s, p50 "
                + ceiling.latency().p50() + " ms, p99 " + ceiling.latency().p99() + " ms" + (ceiling.failed() > 0
                ? ", " + ceiling.failed() + " of " + ceiling.requests() + " not 200 UP" : ""));
        return ceiling;
    }

    /** The 1-minute load average, from /proc/loadavg where there is one. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static boolean logShowsSince(Path log, long mark, String text) {
        try {
            if (!Files.exists(log) || Files.size(log) <= mark) {
                return false;
            }
            try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(log.toFile(), "r")) {
                file.seek(mark);
                byte[] tail = new byte[(int) Math.min(file.length() - mark, 16 * 1024 * 1024)];
                file.readFully(tail);
                return new String(tail, StandardCharsets.UTF_8).contains(text);
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** Every partner token is accepted (404 for an unknown message, not 401) and so is the driver's person. */
    private static boolean credentialsAccepted(PlatformClient platform) {
        try {
            for (String partner : MessageMix.PARTNERS) {
                if (platform.status(partner, "token-check").status() != 404) {
                    return false;
                }
            }
            return platform.partners().isPresent();
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Makes every partner feature a root requirement of its own, then drops the umbrella
     * feature {@code zorgtafel}, so that {@code feature:uninstall zorgtafel-partner-<id>}
     * removes that one adapter.
     */
    private void splitBootFeatures(KarafControl karaf) throws IOException {
        StringBuilder features = new StringBuilder("zorgtafel-core");
        MessageMix.PARTNERS.forEach(partner -> features.append(" zorgtafel-partner-").append(partner));
        KarafControl.CommandResult install = karaf.shell("feature:install -v " + features, Duration.ofSeconds(180));
        progress("split boot features: feature:install " + features + " -> " + (install.failed()
                ? "FAILED: " + install.output() : "ok"));
        KarafControl.CommandResult uninstall = karaf.shell("feature:uninstall -v zorgtafel", Duration.ofSeconds(180));
        progress("split boot features: feature:uninstall zorgtafel -> " + (uninstall.failed()
                ? KarafControl.firstLine(uninstall) : "ok"));
    }

    private static long delay(long startNanos, Duration offset) {
        return Math.max(0, startNanos + offset.toNanos() - System.nanoTime());
    }

    private static <T> T get(Future<T> future) throws InterruptedException, IOException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IOException("a swap or crash failed", e.getCause());
        }
    }

    private void waitUntil(String what, Duration patience, java.util.function.BooleanSupplier condition)
            throws IOException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IOException("gave up waiting for " + what + " after " + patience.toSeconds() + " s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
        }
        progress(what);
    }

    private void progress(String message) {
        out.println("[load-driver " + OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
                .toLocalTime() + "] " + message);
    }
}
