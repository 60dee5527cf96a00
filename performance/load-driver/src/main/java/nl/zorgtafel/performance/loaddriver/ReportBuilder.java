package nl.zorgtafel.performance.loaddriver;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Turns what a run saw (its requests, the checks, the swaps and the crash) into the
 * {@link Report}: the figures as a whole, per swap and crash window, per second, and the
 * targets with what was measured.
 */
final class ReportBuilder {

    private final Options options;

    ReportBuilder(Options options) {
        this.options = options;
    }

    Report report(String commandLine, OffsetDateTime startedAt, String loadAverage,
                          Report.FloorFigure floorFigure, Report.Ceiling ceiling, LoadRun load,
                          Verifier.Inbound inbound, Verifier.Outbound outbound, List<SwapScenario.Result> swaps,
                          CrashScenario.Result crash, String processingPatience) {
        List<LoadRun.Attempt> attempts = load.attempts();
        double seconds = (load.endNanos() - load.startNanos()) / 1e9;
        long acknowledged = attempts.stream().filter(LoadRun.Attempt::acknowledged).count();
        Set<String> distinct = new HashSet<>();
        attempts.stream().filter(LoadRun.Attempt::acknowledged)
                .forEach(a -> distinct.add(a.message().partnerId() + '\n' + a.message().messageId()));
        Map<String, Long> statuses = new TreeMap<>();
        attempts.forEach(a -> statuses.merge(a.status() < 0 ? "no answer" : Integer.toString(a.status()), 1L,
                Long::sum));
        long fiveXx = attempts.stream().filter(a -> a.status() >= 500).count();
        long ioErrors = attempts.stream().filter(a -> a.status() < 0).count();
        Map<String, Report.Latency> perPartner = new TreeMap<>();
        load.partnerLatencies().forEach((partner, recorder) -> perPartner.put(partner, Report.Latency.of(recorder)));
        Report.Load loadFigures = new Report.Load(options.rate(), seconds, attempts.size(), acknowledged,
                distinct.size(), acknowledged / seconds, attempts.size() / seconds,
                Report.Latency.of(load.latencies()), statuses, fiveXx, ioErrors, perPartner);

        long tail = options.swapTail().toNanos();
        List<Report.Swap> swapFigures = new ArrayList<>();
        for (SwapScenario.Result swap : swaps) {
            Report.Window window = window(attempts, inbound, load, swap.startNanos(), swap.endNanos() + tail);
            List<String> commands = swap.commands().stream().map(c -> c.command() + " -> " + (c.failed()
                    ? "FAILED: " + KarafControl.firstLine(c) : "ok") + " (" + c.millis() + " ms)").toList();
            swapFigures.add(new Report.Swap(swap.kind().label(), swap.plannedAt().toMillis() / 1000d,
                    (swap.startNanos() - load.startNanos()) / 1e9, swap.millis(),
                    swap.adapterBack(), swap.problem(), swap.blocked(), commands, window,
                    swap.otherBundlesChanged()));
        }
        Report.Crash crashFigure = null;
        if (crash != null) {
            long end = crash.healthUpNanos() > 0 ? crash.healthUpNanos() + tail : load.endNanos();
            crashFigure = new Report.Crash(crash.plannedAt().toMillis() / 1000d, crash.pid(), crash.recoveryMillis(),
                    crash.startToUpMillis(), crash.problem(),
                    window(attempts, inbound, load, crash.killNanos() < 0 ? load.endNanos() : crash.killNanos(), end));
        }
        Report.Run run = new Report.Run(options.runId(), startedAt.toString(), machine(), loadAverage,
                "java -jar load-driver.jar "
                + commandLine, optionsMap(processingPatience));
        Report draft = new Report(run, floorFigure, ceiling, loadFigures, inbound, outbound, swapFigures,
                crashFigure, List.of());
        return new Report(run, floorFigure, ceiling, loadFigures, inbound, outbound, swapFigures, crashFigure,
                targets(draft, loadFigures, inbound, outbound, swapFigures, crashFigure), timeline(attempts, load));
    }

    private List<Report.Target> targets(Report draft, Report.Load load, Verifier.Inbound inbound,
                                        Verifier.Outbound outbound, List<Report.Swap> swaps, Report.Crash crash) {
        List<Report.Target> targets = new ArrayList<>();
        double ratio = draft.ratio();
        String note = options.maxRate() ? "" : " (rate-limited to " + Report.fmt(options.rate())
                + "/s: a lower bound; use --rate max for capacity)";
        targets.add(new Report.Target("durable ingestion over HTTP vs floor", ">= 50%",
                ratio < 0 ? "no floor" : String.format(java.util.Locale.ROOT, "%.1f%%", ratio * 100) + note,
                ratio < 0 ? null : ratio >= 0.5));
        long lost = draft.lostInbound();
        targets.add(new Report.Target("inbound: acknowledged messages lost", "0", Long.toString(lost), lost == 0));
        long duplicateEffects = inbound.duplicatedEntries() + inbound.fates().getOrDefault(Verifier.Fate.BAD_ACCEPTED, 0L);
        targets.add(new Report.Target("inbound: duplicated effects", "0", inbound.duplicatedEntries()
                + " duplicated entries, " + inbound.repeatsDisagreeing() + " repeats answered differently",
                duplicateEffects == 0 && inbound.repeatsDisagreeing() == 0));
        targets.add(new Report.Target("inbound: effects missing", "0", Long.toString(inbound.missingEntries()),
                inbound.missingEntries() == 0));
        targets.add(new Report.Target("outbound: notifications lost", "0", outbound.lost() + " (created "
                + outbound.created() + ", received " + outbound.receivedUnique() + ")", outbound.lost() == 0));
        targets.add(new Report.Target("outbound: duplicates (allowed, at least once)", "reported",
                Long.toString(outbound.duplicates()), null));
        for (Report.Swap swap : swaps) {
            String name = "swap " + swap.kind() + ": ";
            if (swap.window().requests() == 0) {
                targets.add(new Report.Target(name + "measured under load", "yes", "no: it started @"
                        + Report.fmt(swap.startedAtSeconds()) + " s, after the load ended", null));
            } else {
                targets.add(new Report.Target(name + "lost inbound", "0", Long.toString(swap.window().lostInbound()),
                        swap.window().lostInbound() == 0));
                targets.add(new Report.Target(name + "5xx", "0", Long.toString(swap.window().fiveXx()),
                        swap.window().fiveXx() == 0));
                targets.add(new Report.Target(name + "p99", "< 1000 ms", swap.window().all().p99() + " ms",
                        swap.window().all().p99() >= 0 && swap.window().all().p99() < 1000));
            }
            targets.add(new Report.Target(name + "other bundles changed", "none",
                    swap.otherBundlesChanged().isEmpty() ? "none" : swap.otherBundlesChanged().size() + "",
                    swap.otherBundlesChanged().isEmpty()));
            if (swap.blocked() != null) {
                targets.add(new Report.Target(name + "done as specified", "yes", "no: " + swap.blocked(), false));
            }
        }
        if (crash != null) {
            targets.add(new Report.Target("crash: acknowledged messages lost", "0", Long.toString(lost), lost == 0));
            targets.add(new Report.Target("crash: recovery to health UP", "< 30000 ms", crash.recoveryMillis()
                    + " ms", crash.recoveryMillis() >= 0 && crash.recoveryMillis() < 30_000));
        }
        return targets;
    }

    /** Per second of the run, by when requests were due. */
    private static List<Report.Second> timeline(List<LoadRun.Attempt> attempts, LoadRun load) {
        Map<Long, List<LoadRun.Attempt>> bySecond = new TreeMap<>();
        for (LoadRun.Attempt attempt : attempts) {
            long second = Math.max(0, (attempt.dueNanos() - load.startNanos()) / 1_000_000_000L);
            bySecond.computeIfAbsent(second, s -> new ArrayList<>()).add(attempt);
        }
        List<Report.Second> seconds = new ArrayList<>();
        bySecond.forEach((second, list) -> {
            LatencyRecorder recorder = new LatencyRecorder();
            long[] counts = new long[5];
            for (LoadRun.Attempt a : list) {
                if (a.status() > 0) {
                    recorder.record(a.dueNanos(), a.latencyNanos());
                }
                int bucket = a.status() == 200 ? 0 : a.status() == 202 ? 1 : a.status() >= 500 ? 3
                        : a.status() < 0 ? 4 : 2;
                counts[bucket]++;
            }
            Report.Latency latency = Report.Latency.of(recorder);
            seconds.add(new Report.Second(second, list.size(), counts[0], counts[1], counts[2], counts[3], counts[4],
                    latency.p50(), latency.p99(), latency.max()));
        });
        return seconds;
    }

    private Report.Window window(List<LoadRun.Attempt> attempts, Verifier.Inbound inbound, LoadRun load, long from,
                                 long to) {
        LatencyRecorder all = load.latencies().window(from, to);
        LatencyRecorder partner = load.partnerLatencies()
                .getOrDefault(options.swapPartner(), new LatencyRecorder()).window(from, to);
        long requests = 0;
        long acknowledged = 0;
        long pending = 0;
        long fiveXx = 0;
        long io = 0;
        long unexpected4xx = 0;
        for (LoadRun.Attempt attempt : attempts) {
            if (attempt.dueNanos() < from || attempt.dueNanos() >= to) {
                continue;
            }
            requests++;
            if (attempt.acknowledged()) {
                acknowledged++;
                pending += attempt.status() == 202 ? 1 : 0; // stored, waiting for its adapter
            } else if (attempt.status() >= 500) {
                fiveXx++;
            } else if (attempt.status() < 0) {
                io++;
            } else if (!(attempt.status() == 400 && attempt.message().bad())) {
                unexpected4xx++;
            }
        }
        long lost = inbound.checked().stream()
                .filter(c -> c.fate() == Verifier.Fate.LOST || c.fate() == Verifier.Fate.STILL_PENDING)
                .filter(c -> c.firstAcknowledgedDueNanos() >= from && c.firstAcknowledgedDueNanos() < to)
                .count();
        long origin = load.startNanos();
        List<String> slowest = attempts.stream()
                .filter(a -> a.dueNanos() >= from && a.dueNanos() < to && a.status() > 0)
                .sorted((a, b) -> Long.compare(b.latencyNanos(), a.latencyNanos()))
                .limit(5)
                .map(a -> String.format(java.util.Locale.ROOT, "%s %s due @%.2f s: %d ms, HTTP %d %s",
                        a.message().partnerId(), a.message().messageId(), (a.dueNanos() - origin) / 1e9,
                        TimeUnit.NANOSECONDS.toMillis(a.latencyNanos()), a.status(),
                        a.answeredStatus() == null ? "" : a.answeredStatus()))
                .toList();
        return new Report.Window(requests, acknowledged, pending, fiveXx, io, unexpected4xx, Report.Latency.of(all),
                Report.Latency.of(partner), lost, slowest);
    }

    private Map<String, Object> optionsMap(String processingPatience) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("karafHome", options.karafHome().toString());
        map.put("rate", options.maxRate() ? "max" : options.rate());
        map.put("durationSeconds", options.duration().toMillis() / 1000d);
        map.put("concurrency", options.concurrency());
        map.put("mix", options.mix());
        map.put("swaps", options.swaps().stream().map(p -> p.kind().label() + "@" + p.at().toMillis() / 1000d + "s")
                .toList());
        map.put("crashAtSeconds", options.crashAt() == null ? null : options.crashAt().toMillis() / 1000d);
        map.put("swapPartner", options.swapPartner());
        map.put("duplicatesPercent", options.duplicatePercent());
        map.put("badPercent", options.badPercent());
        map.put("crisisPercent", options.crisisPercent());
        map.put("youths", options.youths());
        map.put("seed", options.seed());
        map.put("floorSeconds", options.floor().toMillis() / 1000d);
        map.put("ceilingSeconds", options.ceiling().toMillis() / 1000d);
        map.put("swapPauseSeconds", options.swapPause().toMillis() / 1000d);
        map.put("swapTailSeconds", options.swapTail().toMillis() / 1000d);
        map.put("splitBootFeatures", options.splitBootFeatures());
        map.put("warmupSeconds", options.warmup().toMillis() / 1000d);
        map.put("processingPatienceMillis", processingPatience);
        return map;
    }

    private static String machine() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", Java " + System.getProperty("java.version");
    }
}
