package nl.zorgtafel.performance.loaddriver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    @TempDir
    Path directory;

    @Test
    void the_json_has_every_figure_in_its_place() throws Exception {
        Report report = sample();
        Path file = directory.resolve("reports/load-report.json");
        report.write(file);
        JsonNode json = new ObjectMapper().readTree(Files.readString(file));

        assertThat(fieldNames(json)).containsExactly("run", "floor", "ceiling", "load", "inbound", "outbound", "swaps",
                "crash", "targets", "timeline");
        assertThat(json.path("run").path("runId").asText()).isEqualTo("r1");
        assertThat(json.path("floor").path("messagesPerSecond").asDouble()).isEqualTo(4000);
        assertThat(json.path("floor").path("before").asDouble()).isEqualTo(3800);
        assertThat(json.path("floor").path("sliceSeconds").asLong()).isEqualTo(1);
        assertThat(fieldNames(json.path("floor").path("slicesBefore"))).containsExactly("count", "median", "min", "max");
        assertThat(json.path("floor").path("slicesBefore").path("min").asDouble()).isEqualTo(3500);
        assertThat(json.path("floor").path("slicesAfter").path("max").asDouble()).isEqualTo(4400);
        JsonNode ceiling = json.path("ceiling");
        assertThat(ceiling.path("concurrency").asInt()).isEqualTo(32);
        assertThat(ceiling.path("requestsPerSecond").asDouble()).isEqualTo(2900);
        assertThat(ceiling.path("latencyMillis").path("p99").asDouble()).isEqualTo(18.2);
        assertThat(json.path("run").path("loadAverage").asText()).isEqualTo("1.2 -> 2.3");
        JsonNode load = json.path("load");
        assertThat(load.path("targetRate").asDouble()).isEqualTo(300);
        assertThat(load.path("throughputPerSecond").asDouble()).isEqualTo(290);
        assertThat(load.path("ratioToFloor").asDouble()).isEqualTo(0.073, org.assertj.core.data.Offset.offset(0.001));
        assertThat(load.path("ratioToCeiling").asDouble()).isEqualTo(0.1);
        assertThat(fieldNames(load.path("latencyMillis"))).containsExactly("count", "p50", "p95", "p99", "max");
        assertThat(load.path("latencyMillis").path("p99").asDouble()).isEqualTo(250);
        assertThat(load.path("statusCounts").path("200").asLong()).isEqualTo(17_000);
        assertThat(load.path("fiveXx").asLong()).isEqualTo(2);
        assertThat(load.path("latencyMillisPerPartner").path("ggz").path("p50").asDouble()).isEqualTo(20);

        JsonNode inbound = json.path("inbound");
        assertThat(inbound.path("lost").asLong()).isEqualTo(3);
        assertThat(inbound.path("fates").path("PROCESSED").asLong()).isEqualTo(17_000);
        assertThat(inbound.path("entriesDuplicated").asLong()).isZero();
        JsonNode outbound = json.path("outbound");
        assertThat(outbound.path("receivedUnique").asLong()).isEqualTo(1200);
        assertThat(outbound.path("lost").asLong()).isZero();
        assertThat(outbound.path("duplicates").asLong()).isEqualTo(4);
        assertThat(outbound.path("perPartner").path("jbrr").path("receivedUnique").asLong()).isEqualTo(700);

        JsonNode swap = json.path("swaps").get(0);
        assertThat(swap.path("kind").asText()).isEqualTo("stop-start");
        assertThat(swap.path("window").path("fiveXx").asLong()).isEqualTo(1);
        assertThat(swap.path("window").path("all").path("p99").asDouble()).isEqualTo(1500);
        assertThat(swap.path("otherBundlesChanged").get(0).asText()).contains("pax-web");
        assertThat(swap.path("window").path("slowest").get(0).asText()).contains("1600 ms");
        assertThat(json.path("crash").path("recoveryMillis").asLong()).isEqualTo(12_000);
        assertThat(json.path("timeline").get(0).path("ok200").asLong()).isEqualTo(290);

        JsonNode target = json.path("targets").get(0);
        assertThat(fieldNames(target)).containsExactly("name", "target", "measured", "met");
        assertThat(target.path("met").asBoolean()).isFalse();
    }

    @Test
    void the_table_names_the_figures_and_the_targets() {
        assertThat(table(sample())).contains("floor (parse + Derby insert, commit/100)   4000.0 msg/s median "
                        + "(before 3800.0 [3500.0–3950.0], after 4200.0 [4050.0–4400.0])")
                .contains("HTTP ceiling (GET /health, 32 in flight)   2900.0 req/s (p50/p99 10.5 / 18.2 ms)")
                .contains("throughput (2xx/s)                         290.0  = 7.2% of the floor, "
                        + "10.0% of the HTTP ceiling")
                .contains("latency p50 / p95 / p99 / max              20.0 / 120.0 / 250.0 / 1900.0 ms")
                .contains("swap stop-start @20.0 s                    started @20.4 s, took 3100 ms")
                .contains("  requests / 2xx (202) / 5xx / no answer   400 / 398 (12) / 1 / 1")
                .contains("crash (kill -9) @45.0 s")
                .contains("MISSED durable ingestion over HTTP vs floor");
    }

    @Test
    void the_floor_figure_is_the_median_of_every_slice_before_and_after() {
        Report.FloorFigure floor = floor();
        assertThat(floor.messagesPerSecond()).isEqualTo(4000);
        assertThat(floor.slicesBefore()).isEqualTo(new Spread(5, 3800, 3500, 3950));
        assertThat(floor.slicesAfter()).isEqualTo(new Spread(5, 4200, 4050, 4400));
        assertThat(floor.before()).isEqualTo(3800);
        assertThat(floor.after()).isEqualTo(4200);
        assertThat(floor.batch()).isEqualTo(100);
    }

    @Test
    void a_ceiling_with_failed_requests_says_how_many() {
        Report report = new Report(run(), floor(), new Report.Ceiling(32, 5, 1000, 3, 199.4,
                new Report.Latency(997, 150, 160, 170, 200)), load(), inbound(), outbound(), List.of(), null, List.of());
        assertThat(table(report)).contains("HTTP ceiling (GET /health, 32 in flight)   199.4 req/s "
                + "(p50/p99 150.0 / 170.0 ms, 3 of 1000 not 200 UP)");
    }

    @Test
    void a_run_without_floor_ceiling_swaps_or_crash_still_reports() throws Exception {
        Report bare = new Report(run(), null, null, load(), inbound(), outbound(), List.of(), null, List.of());
        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(bare.toJson()));
        assertThat(json.path("load").path("ratioToFloor").asDouble()).isEqualTo(-1);
        assertThat(json.path("load").path("ratioToCeiling").asDouble()).isEqualTo(-1);
        assertThat(json.path("ceiling").isNull()).isTrue();
        assertThat(json.path("swaps")).isEmpty();
        assertThat(json.path("crash").isNull()).isTrue();
        assertThat(table(bare)).contains("floor (parse + Derby insert, commit/100)   not measured")
                .contains("HTTP ceiling (GET /health)                 not measured")
                .contains("throughput (2xx/s)                         290.0  = - of the floor")
                .doesNotContain("of the HTTP ceiling");
    }

    static Report sample() {
        Report.Latency slow = new Report.Latency(400, 300, 1200, 1500, 1600);
        Report.Window swapWindow = new Report.Window(400, 398, 12, 1, 1, 0, slow, slow, 0, List.of("ggz g-1 due @20.10 s: 1600 ms, HTTP 200 PROCESSED"));
        Report.Swap swap = new Report.Swap("stop-start", 20, 20.4, 3100, true, null, null,
                List.of("bundle:stop nl.zorgtafel.partner.ggz -> ok (120 ms)"), swapWindow,
                List.of("org.ops4j.pax.web.pax-web-runtime [82] services registered again (restarted or refreshed)"));
        Report.Crash crash = new Report.Crash(45, 4242, 12_000, 9_000, null,
                new Report.Window(3600, 1000, 0, 0, 2600, 0, slow, slow, 3, List.of()));
        List<Report.Target> targets = List.of(
                new Report.Target("durable ingestion over HTTP vs floor", ">= 50%", "7.3%", false),
                new Report.Target("crash: recovery to health UP", "< 30000 ms", "12000 ms", true));
        Report.Ceiling ceiling = new Report.Ceiling(32, 5, 14_500, 0, 2900,
                new Report.Latency(14_500, 10.5, 14, 18.2, 40));
        return new Report(run(), floor(), ceiling, load(), inbound(), outbound(), List.of(swap), crash, targets,
                List.of(new Report.Second(0, 300, 290, 8, 2, 0, 0, 20, 250, 300)));
    }

    /** Five slices before, all slower than the five after: the median of the ten lies between them. */
    private static Report.FloorFigure floor() {
        Floor.Result before = new Floor.Result(3800, 19_000, 5_000_000_000L, 100, Path.of("floor-before"),
                List.of(3800d, 3500d, 3950d, 3900d, 3700d));
        Floor.Result after = new Floor.Result(4200, 21_000, 5_000_000_000L, 100, Path.of("floor-after"),
                List.of(4200d, 4050d, 4400d, 4300d, 4100d));
        return Report.FloorFigure.of(before, after, 5);
    }

    private static String table(Report report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static Report.Run run() {
        return new Report.Run("r1", "2026-11-28T12:00:00Z", "2 cores", "1.2 -> 2.3", "java -jar load-driver.jar --rate 300",
                Map.of("rate", 300));
    }

    private static Report.Load load() {
        Map<String, Long> statuses = new LinkedHashMap<>();
        statuses.put("200", 17_000L);
        statuses.put("202", 400L);
        statuses.put("503", 2L);
        return new Report.Load(300d, 60, 18_000, 17_400, 17_100, 290, 300,
                new Report.Latency(18_000, 20, 120, 250, 1900), statuses, 2, 598,
                Map.of("ggz", new Report.Latency(7000, 20, 100, 200, 900)));
    }

    private static Verifier.Inbound inbound() {
        Map<Verifier.Fate, Long> fates = new EnumMap<>(Verifier.Fate.class);
        fates.put(Verifier.Fate.PROCESSED, 17_000L);
        fates.put(Verifier.Fate.LOST, 2L);
        fates.put(Verifier.Fate.STILL_PENDING, 1L);
        return new Verifier.Inbound(fates, 17_100, 900, 0, List.of(), 30_000, 0, 0, 0, 0, List.of());
    }

    private static Verifier.Outbound outbound() {
        Map<String, Map<String, Object>> perPartner = new LinkedHashMap<>();
        perPartner.put("jbrr", Map.of("receivedUnique", 700, "duplicates", 4));
        return new Verifier.Outbound(1200, 0, 0, 0, 1200, 1204, 4, 0, true, 800, perPartner);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
