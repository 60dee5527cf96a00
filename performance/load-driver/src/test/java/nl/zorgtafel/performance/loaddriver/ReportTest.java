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

        assertThat(fieldNames(json)).containsExactly("run", "floor", "load", "inbound", "outbound", "swaps", "crash",
                "targets", "timeline");
        assertThat(json.path("run").path("runId").asText()).isEqualTo("r1");
        assertThat(json.path("floor").path("messagesPerSecond").asDouble()).isEqualTo(4000);
        assertThat(json.path("floor").path("before").asDouble()).isEqualTo(3800);
        assertThat(json.path("run").path("loadAverage").asText()).isEqualTo("1.2 -> 2.3");
        JsonNode load = json.path("load");
        assertThat(load.path("targetRate").asDouble()).isEqualTo(300);
        assertThat(load.path("throughputPerSecond").asDouble()).isEqualTo(290);
        assertThat(load.path("ratioToFloor").asDouble()).isEqualTo(0.073, org.assertj.core.data.Offset.offset(0.001));
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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        sample().print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String table = bytes.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("floor (parse + Derby insert, commit/100)   4000.0 msg/s (before 3800.0, after 4200.0)")
                .contains("throughput (2xx/s)                         290.0  = 7.2% of the floor")
                .contains("latency p50 / p95 / p99 / max              20.0 / 120.0 / 250.0 / 1900.0 ms")
                .contains("swap stop-start @20.0 s                    started @20.4 s, took 3100 ms")
                .contains("crash (kill -9) @45.0 s")
                .contains("MISSED durable ingestion over HTTP vs floor");
    }

    @Test
    void a_run_without_floor_swaps_or_crash_still_reports() throws Exception {
        Report bare = new Report(run(), null, load(), inbound(), outbound(), List.of(), null, List.of());
        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(bare.toJson()));
        assertThat(json.path("load").path("ratioToFloor").asDouble()).isEqualTo(-1);
        assertThat(json.path("swaps")).isEmpty();
        assertThat(json.path("crash").isNull()).isTrue();
    }

    static Report sample() {
        Report.Latency slow = new Report.Latency(400, 300, 1200, 1500, 1600);
        Report.Window swapWindow = new Report.Window(400, 398, 1, 1, 0, slow, slow, 0, List.of("ggz g-1 due @20.10 s: 1600 ms, HTTP 200 PROCESSED"));
        Report.Swap swap = new Report.Swap("stop-start", 20, 20.4, 3100, true, null, null,
                List.of("bundle:stop nl.zorgtafel.partner.ggz -> ok (120 ms)"), swapWindow,
                List.of("org.ops4j.pax.web.pax-web-runtime [82] services registered again (restarted or refreshed)"));
        Report.Crash crash = new Report.Crash(45, 4242, 12_000, 9_000, null,
                new Report.Window(3600, 1000, 0, 2600, 0, slow, slow, 3, List.of()));
        List<Report.Target> targets = List.of(
                new Report.Target("durable ingestion over HTTP vs floor", ">= 50%", "7.3%", false),
                new Report.Target("crash: recovery to health UP", "< 30000 ms", "12000 ms", true));
        return new Report(run(), new Report.FloorFigure(4000, 3800, 4200, 100, 5), load(), inbound(), outbound(),
                List.of(swap), crash, targets, List.of(new Report.Second(0, 300, 290, 8, 2, 0, 0, 20, 250, 300)));
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
