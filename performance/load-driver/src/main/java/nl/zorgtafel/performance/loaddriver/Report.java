package nl.zorgtafel.performance.loaddriver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run's figures: a plain table for the terminal and the same as JSON in a file. The
 * targets are reported with what was measured and whether it met them; nothing is
 * asserted.
 */
final class Report {

    /** Latency percentiles in milliseconds; -1 where there were no samples. */
    record Latency(long count, double p50, double p95, double p99, double max) {
        static Latency of(LatencyRecorder recorder) {
            return new Latency(recorder.count(), millis(recorder.percentile(50)), millis(recorder.percentile(95)),
                    millis(recorder.percentile(99)), millis(recorder.max()));
        }

        private static double millis(long nanos) {
            return nanos < 0 ? -1 : Math.round(nanos / 10_000d) / 100d;
        }
    }

    /**
     * Who ran what, where. {@code loadAverage}: the machine's 1-minute load average when the
     * load started and ended (other work on the machine weighs on every figure).
     */
    record Run(String runId, String startedAt, String machine, String loadAverage, String command,
               Map<String, Object> options) {
    }

    /**
     * The floor measured in this run, before the load and after it settled, each in
     * one-second slices. {@code messagesPerSecond}, the figure the ratio is taken against, is
     * the median of all slices, before and after; {@code before} and {@code after} are each
     * measurement's rate over its whole time.
     */
    record FloorFigure(double messagesPerSecond, double before, double after, int batch, double secondsEach,
                       Spread slicesBefore, Spread slicesAfter) {

        static FloorFigure of(Floor.Result before, Floor.Result after, double secondsEach) {
            List<Double> slices = new ArrayList<>(before.slices());
            slices.addAll(after.slices());
            return new FloorFigure(Spread.of(slices).median(), before.messagesPerSecond(),
                    after.messagesPerSecond(), before.batch(), secondsEach, before.spread(), after.spread());
        }
    }

    /**
     * The HTTP ceiling measured in this run: closed-loop {@code GET /api/v1/health} with
     * {@code concurrency} in flight for {@code seconds}; {@code failed} requests were not
     * answered 200 UP and are not in {@code requestsPerSecond}.
     */
    record Ceiling(int concurrency, double seconds, long requests, long failed, double requestsPerSecond,
                   Latency latency) {

        static Ceiling of(HttpCeiling.Result result) {
            return new Ceiling(result.concurrency(), result.nanos() / 1e9, result.requests(), result.failed(),
                    result.requestsPerSecond(), Latency.of(result.latencies()));
        }
    }

    /** The load as a whole. {@code targetRate} is null for a closed-loop (max) run. */
    record Load(Double targetRate, double seconds, long sent, long acknowledged, long distinctAcknowledged,
                double throughput, double sendRate, Latency latency, Map<String, Long> statusCounts, long fiveXx,
                long ioErrors, Map<String, Latency> perPartner) {
    }

    /** The requests due within a window (a swap, a crash) and what became of them. */
    record Window(long requests, long acknowledged, long pending, long fiveXx, long ioErrors, long unexpected4xx,
                  Latency all, Latency swappedPartner, long lostInbound, List<String> slowest) {
    }

    /** One second of the run: requests due in it, their answers, and their latency. */
    record Second(long second, long requests, long ok200, long accepted202, long other4xx, long fiveXx,
                  long noAnswer, double p50, double p99, double max) {
    }

    /** One swap. */
    record Swap(String kind, double atSeconds, double startedAtSeconds, long millis, boolean adapterBack,
                String problem, String blocked, List<String> commands, Window window,
                List<String> otherBundlesChanged) {
    }

    /** The crash. */
    record Crash(double atSeconds, long pid, long recoveryMillis, long startToUpMillis, String problem,
                 Window window) {
    }

    /** A target, what was measured, and whether it was met (null: not measured in this run). */
    record Target(String name, String target, String measured, Boolean met) {
    }

    private final Run run;
    private final FloorFigure floor;
    private final Ceiling ceiling;
    private final Load load;
    private final Verifier.Inbound inbound;
    private final Verifier.Outbound outbound;
    private final List<Swap> swaps;
    private final Crash crash;
    private final List<Target> targets;
    private final List<Second> timeline;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    Report(Run run, FloorFigure floor, Ceiling ceiling, Load load, Verifier.Inbound inbound,
           Verifier.Outbound outbound, List<Swap> swaps, Crash crash, List<Target> targets) {
        this(run, floor, ceiling, load, inbound, outbound, swaps, crash, targets, List.of());
    }

    Report(Run run, FloorFigure floor, Ceiling ceiling, Load load, Verifier.Inbound inbound,
           Verifier.Outbound outbound, List<Swap> swaps, Crash crash, List<Target> targets, List<Second> timeline) {
        this.timeline = List.copyOf(timeline);
        this.run = run;
        this.floor = floor;
        this.ceiling = ceiling;
        this.load = load;
        this.inbound = inbound;
        this.outbound = outbound;
        this.swaps = List.copyOf(swaps);
        this.crash = crash;
        this.targets = List.copyOf(targets);
    }

    /** Durable ingestion over HTTP as a share of the floor; -1 without a floor. */
    double ratio() {
        return floor == null || floor.messagesPerSecond() <= 0 ? -1 : load.throughput() / floor.messagesPerSecond();
    }

    /** Durable ingestion over HTTP as a share of the HTTP ceiling; -1 without a ceiling. */
    double ratioToCeiling() {
        return ceiling == null || ceiling.requestsPerSecond() <= 0 ? -1
                : load.throughput() / ceiling.requestsPerSecond();
    }

    ObjectNode toJson() {
        ObjectNode root = json.createObjectNode();
        ObjectNode runNode = root.putObject("run");
        runNode.put("runId", run.runId());
        runNode.put("startedAt", run.startedAt());
        runNode.put("machine", run.machine());
        runNode.put("loadAverage", run.loadAverage());
        runNode.put("command", run.command());
        runNode.set("options", json.valueToTree(run.options()));

        ObjectNode floorNode = root.putObject("floor");
        if (floor != null) {
            floorNode.put("what", "JSON parse + embedded Derby insert, commit per " + floor.batch() + ", one thread");
            floorNode.put("messagesPerSecond", round(floor.messagesPerSecond()));
            floorNode.put("before", round(floor.before()));
            floorNode.put("after", round(floor.after()));
            floorNode.put("secondsEach", round(floor.secondsEach()));
            floorNode.put("figure", "median of the " + Floor.SLICE.toSeconds()
                    + "-second slices, before and after");
            floorNode.put("sliceSeconds", Floor.SLICE.toSeconds());
            spread(floorNode.putObject("slicesBefore"), floor.slicesBefore());
            spread(floorNode.putObject("slicesAfter"), floor.slicesAfter());
        }

        if (ceiling != null) {
            ObjectNode ceilingNode = root.putObject("ceiling");
            ceilingNode.put("what",
                    "closed-loop GET /api/v1/health through the load's HTTP client, nothing stored");
            ceilingNode.put("concurrency", ceiling.concurrency());
            ceilingNode.put("seconds", round(ceiling.seconds()));
            ceilingNode.put("requests", ceiling.requests());
            ceilingNode.put("failed", ceiling.failed());
            ceilingNode.put("requestsPerSecond", round(ceiling.requestsPerSecond()));
            ceilingNode.set("latencyMillis", json.valueToTree(ceiling.latency()));
        } else {
            root.putNull("ceiling");
        }

        ObjectNode loadNode = root.putObject("load");
        if (load.targetRate() == null) {
            loadNode.put("targetRate", "max");
        } else {
            loadNode.put("targetRate", load.targetRate());
        }
        loadNode.put("seconds", round(load.seconds()));
        loadNode.put("sent", load.sent());
        loadNode.put("acknowledged", load.acknowledged());
        loadNode.put("distinctAcknowledged", load.distinctAcknowledged());
        loadNode.put("throughputPerSecond", round(load.throughput()));
        loadNode.put("sendRatePerSecond", round(load.sendRate()));
        loadNode.put("ratioToFloor", round(ratio()));
        loadNode.put("ratioToCeiling", round(ratioToCeiling()));
        loadNode.set("latencyMillis", json.valueToTree(load.latency()));
        loadNode.set("statusCounts", json.valueToTree(load.statusCounts()));
        loadNode.put("fiveXx", load.fiveXx());
        loadNode.put("ioErrors", load.ioErrors());
        loadNode.set("latencyMillisPerPartner", json.valueToTree(load.perPartner()));

        ObjectNode in = root.putObject("inbound");
        in.put("distinctMessages", inbound.distinctMessages());
        in.set("fates", json.valueToTree(inbound.fates()));
        in.put("lost", lostInbound());
        in.put("repeatsSent", inbound.repeatsSent());
        in.put("repeatsAnsweredDifferently", inbound.repeatsDisagreeing());
        in.put("entriesExpected", inbound.expectedEntries());
        in.put("entriesMissing", inbound.missingEntries());
        in.put("entriesDuplicated", inbound.duplicatedEntries());
        in.put("entriesUnexpected", inbound.unexpectedEntries());
        in.put("entriesOfUnacknowledgedMessages", inbound.entriesOfUnacknowledged());
        in.set("examples", json.valueToTree(inbound.examples()));

        ObjectNode out = root.putObject("outbound");
        out.put("createdDuringRun", outbound.created());
        out.put("pendingBefore", outbound.pendingBefore());
        out.put("pendingAfter", outbound.pendingAfter());
        out.put("deadLettersAdded", outbound.deadLettersAdded());
        out.put("receivedUnique", outbound.receivedUnique());
        out.put("receivedTotal", outbound.receivedTotal());
        out.put("duplicates", outbound.duplicates());
        out.put("lost", outbound.lost());
        out.put("settled", outbound.settled());
        out.put("settleMillis", outbound.settleMillis());
        out.set("perPartner", json.valueToTree(outbound.perPartner()));

        ArrayNode swapNodes = root.putArray("swaps");
        for (Swap swap : swaps) {
            swapNodes.add(json.valueToTree(swap));
        }
        if (crash != null) {
            root.set("crash", json.valueToTree(crash));
        } else {
            root.putNull("crash");
        }
        root.set("targets", json.valueToTree(targets));
        root.set("timeline", json.valueToTree(timeline));
        return root;
    }

    long lostInbound() {
        return inbound.fates().getOrDefault(Verifier.Fate.LOST, 0L)
                + inbound.fates().getOrDefault(Verifier.Fate.STILL_PENDING, 0L);
    }

    void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        json.writeValue(file.toFile(), toJson());
    }

    /** The table, for a terminal or a README. */
    void print(PrintStream out) {
        out.println();
        out.println("Zorgtafel load run " + run.runId() + "  (" + run.startedAt() + ", " + run.machine()
                + ", load average " + run.loadAverage() + ")");
        out.println(run.command());
        out.println();
        row(out, "floor (parse + Derby insert, commit/100)",
                floor == null ? "not measured" : fmt(floor.messagesPerSecond()) + " msg/s median (before "
                        + range(floor.slicesBefore()) + ", after " + range(floor.slicesAfter()) + ")");
        if (ceiling == null) {
            row(out, "HTTP ceiling (GET /health)", "not measured");
        } else {
            row(out, "HTTP ceiling (GET /health, " + ceiling.concurrency() + " in flight)",
                    fmt(ceiling.requestsPerSecond()) + " req/s (p50/p99 " + ceiling.latency().p50() + " / "
                            + ceiling.latency().p99() + " ms" + (ceiling.failed() > 0
                            ? ", " + ceiling.failed() + " of " + ceiling.requests() + " not 200 UP" : "") + ")");
        }
        row(out, "target rate", load.targetRate() == null ? "max (closed loop)" : fmt(load.targetRate()) + " msg/s");
        row(out, "sent / acknowledged (2xx)", load.sent() + " / " + load.acknowledged() + " in " + fmt(load.seconds())
                + " s");
        row(out, "throughput (2xx/s)", fmt(load.throughput()) + "  = " + (ratio() < 0 ? "-" : pct(ratio()))
                + " of the floor"
                + (ratioToCeiling() < 0 ? "" : ", " + pct(ratioToCeiling()) + " of the HTTP ceiling"));
        row(out, "latency p50 / p95 / p99 / max", load.latency().p50() + " / " + load.latency().p95() + " / "
                + load.latency().p99() + " / " + load.latency().max() + " ms");
        row(out, "statuses", load.statusCounts().toString());
        row(out, "5xx / no answer", load.fiveXx() + " / " + load.ioErrors());
        load.perPartner().forEach((partner, latency) -> row(out, "  " + partner + " p50 / p99 (n)",
                latency.p50() + " / " + latency.p99() + " ms (" + latency.count() + ")"));
        out.println();
        row(out, "inbound distinct messages", Long.toString(inbound.distinctMessages()));
        row(out, "inbound fates", inbound.fates().toString());
        row(out, "inbound lost (acknowledged, not found)", Long.toString(lostInbound()));
        row(out, "repeats sent / answered differently", inbound.repeatsSent() + " / " + inbound.repeatsDisagreeing());
        row(out, "case entries expected / missing", inbound.expectedEntries() + " / " + inbound.missingEntries());
        row(out, "case entries duplicated / unexpected", inbound.duplicatedEntries() + " / "
                + inbound.unexpectedEntries());
        out.println();
        row(out, "outbound created (from the cases)", Long.toString(outbound.created()));
        row(out, "outbound pending before / after", outbound.pendingBefore() + " / " + outbound.pendingAfter()
                + (outbound.settled() ? "" : "  (did not settle)"));
        row(out, "outbound dead letters added", Long.toString(outbound.deadLettersAdded()));
        row(out, "outbound received unique / total", outbound.receivedUnique() + " / " + outbound.receivedTotal());
        row(out, "outbound lost / duplicates", outbound.lost() + " / " + outbound.duplicates());
        outbound.perPartner().forEach((partner, line) -> row(out, "  " + partner, "unique " + line.get("receivedUnique")
                + ", duplicates " + line.get("duplicates") + ", pending " + line.get("outboxPending") + ", dead "
                + line.get("deadLetters")));
        for (Swap swap : swaps) {
            out.println();
            row(out, "swap " + swap.kind() + " @" + fmt(swap.atSeconds()) + " s", "started @"
                    + fmt(swap.startedAtSeconds()) + " s, took " + swap.millis() + " ms"
                    + (swap.adapterBack() ? ", adapter back" : ", adapter NOT back")
                    + (swap.problem() == null ? "" : ", problem: " + swap.problem()));
            if (swap.blocked() != null) {
                row(out, "  blocked", swap.blocked());
            }
            window(out, swap.window());
            row(out, "  other bundles changed", swap.otherBundlesChanged().isEmpty() ? "none"
                    : String.join("; ", swap.otherBundlesChanged()));
        }
        if (crash != null) {
            out.println();
            row(out, "crash (kill -9) @" + fmt(crash.atSeconds()) + " s", "pid " + crash.pid() + ", health UP "
                    + crash.recoveryMillis() + " ms after the kill (" + crash.startToUpMillis()
                    + " ms after bin/start)" + (crash.problem() == null ? "" : ", problem: " + crash.problem()));
            window(out, crash.window());
        }
        out.println();
        out.println("Targets (reported, not asserted):");
        for (Target target : targets) {
            out.printf(Locale.ROOT, "  %-6s %-44s %-14s measured %s%n",
                    target.met() == null ? "n/a" : target.met() ? "met" : "MISSED", target.name(), target.target(),
                    target.measured());
        }
        out.flush();
    }

    private static void window(PrintStream out, Window window) {
        row(out, "  requests / 2xx (202) / 5xx / no answer", window.requests() + " / " + window.acknowledged()
                + " (" + window.pending() + ") / " + window.fiveXx() + " / " + window.ioErrors() + (window.unexpected4xx() > 0
                ? " (unexpected 4xx " + window.unexpected4xx() + ")" : ""));
        row(out, "  p99 all / swapped partner", window.all().p99() + " / " + window.swappedPartner().p99() + " ms");
        row(out, "  lost inbound", Long.toString(window.lostInbound()));
        window.slowest().stream().limit(3).forEach(line -> row(out, "  slow", line));
    }

    /** The median slice and, in brackets, the slowest and the fastest. */
    private static String range(Spread spread) {
        return fmt(spread.median()) + " [" + fmt(spread.min()) + "–" + fmt(spread.max()) + "]";
    }

    private static void spread(ObjectNode node, Spread spread) {
        node.put("count", spread.count());
        node.put("median", round(spread.median()));
        node.put("min", round(spread.min()));
        node.put("max", round(spread.max()));
    }

    private static void row(PrintStream out, String label, String value) {
        out.printf(Locale.ROOT, "%-42s %s%n", label, value);
    }

    static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String pct(double ratio) {
        return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }

    private static double round(double value) {
        return Math.round(value * 1000d) / 1000d;
    }
}
