package nl.zorgtafel.performance.loaddriver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void the_documented_command_parses() {
        Options options = Options.parse("--karaf-home", "/tmp/zt", "--rate", "300", "--duration", "60s",
                "--concurrency", "32", "--mix", "ggz=40,rvdk=15,horizon=15,mee=10,jbrr=20",
                "--swap", "stop-start@20s,update@35s,reinstall@50s", "--crash@45s", "--report",
                "target/load-report.json");
        assertThat(options.karafHome()).isEqualTo(Path.of("/tmp/zt"));
        assertThat(options.rate()).isEqualTo(300);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.concurrency()).isEqualTo(32);
        assertThat(options.mix()).containsEntry("ggz", 40).containsEntry("jbrr", 20).hasSize(5);
        assertThat(options.swaps()).containsExactly(
                new SwapScenario.Plan(SwapScenario.Kind.STOP_START, Duration.ofSeconds(20)),
                new SwapScenario.Plan(SwapScenario.Kind.UPDATE, Duration.ofSeconds(35)),
                new SwapScenario.Plan(SwapScenario.Kind.REINSTALL, Duration.ofSeconds(50)));
        assertThat(options.crashAt()).isEqualTo(Duration.ofSeconds(45));
        assertThat(options.report()).isAbsolute();
        assertThat(options.report().toString()).endsWith("target/load-report.json");
        assertThat(options.runId()).matches("[a-z0-9]{1,16}");
    }

    @Test
    void defaults_max_rate_and_ports() {
        Options options = Options.parse("--karaf-home=/tmp/zt", "--rate=max", "--crash", "10s", "--ports",
                "http=39181,ssh=39182,rmi-registry=39183,rmi-server=39184", "--split-boot-features", "--run-id", "abc1");
        assertThat(options.maxRate()).isTrue();
        assertThat(options.crashAt()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.port("ssh")).hasValue(39182);
        assertThat(options.splitBootFeatures()).isTrue();
        assertThat(options.swaps()).isEmpty();
        assertThat(options.floor()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.ceiling()).isEqualTo(Duration.ofSeconds(5));
        assertThat(Options.parse("--karaf-home", "/tmp/zt", "--ceiling", "0").ceiling()).isZero();
        assertThat(options.duplicatePercent()).isEqualTo(5);
        assertThat(options.runId()).isEqualTo("abc1");
    }

    @Test
    void durations() {
        assertThat(Options.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Options.duration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Options.duration("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Options.duration("7")).isEqualTo(Duration.ofSeconds(7));
        assertThatThrownBy(() -> Options.duration("soon")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mistakes_are_refused() {
        assertThatThrownBy(() -> Options.parse("--rate", "300")).hasMessageContaining("--karaf-home");
        assertThatThrownBy(() -> Options.parse("--karaf-home", "/x", "--mix", "police=3"))
                .hasMessageContaining("police");
        assertThatThrownBy(() -> Options.parse("--karaf-home", "/x", "--swap", "restart@3s"))
                .hasMessageContaining("restart");
        assertThatThrownBy(() -> Options.parse("--karaf-home", "/x", "--frobnicate"))
                .hasMessageContaining("frobnicate");
        assertThatThrownBy(() -> Options.parse("--karaf-home", "/x", "--run-id", "Bad Id"))
                .hasMessageContaining("run-id");
        assertThat(Options.parse("--help").help()).isTrue();
    }
}
