package nl.zorgtafel.performance.loaddriver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    @Test
    void percentiles_are_nearest_rank() {
        LatencyRecorder recorder = new LatencyRecorder();
        // 1..100 in a scrambled order
        for (int i = 0; i < 100; i++) {
            recorder.record(i, ((i * 37) % 100) + 1);
        }
        assertThat(recorder.count()).isEqualTo(100);
        assertThat(recorder.percentile(50)).isEqualTo(50);
        assertThat(recorder.percentile(95)).isEqualTo(95);
        assertThat(recorder.percentile(99)).isEqualTo(99);
        assertThat(recorder.percentile(100)).isEqualTo(100);
        assertThat(recorder.max()).isEqualTo(100);
        assertThat(recorder.percentile(0.5)).isEqualTo(1);
    }

    @Test
    void a_few_samples_and_none() {
        assertThat(LatencyRecorder.percentileOf(new long[] {7}, 99)).isEqualTo(7);
        assertThat(LatencyRecorder.percentileOf(new long[] {5, 1, 3}, 50)).isEqualTo(3);
        assertThat(LatencyRecorder.percentileOf(new long[] {5, 1, 3}, 99)).isEqualTo(5);
        assertThat(new LatencyRecorder().percentile(99)).isEqualTo(-1);
        assertThat(new LatencyRecorder().max()).isEqualTo(-1);
        assertThatThrownBy(() -> LatencyRecorder.percentileOf(new long[] {1}, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_window_holds_the_samples_due_in_it() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (int i = 0; i < 10_000; i++) {
            // slow requests only between due times 4000 and 5000
            recorder.record(i, i >= 4000 && i < 5000 ? 900 : 10);
        }
        LatencyRecorder window = recorder.window(4000, 5000);
        assertThat(window.count()).isEqualTo(1000);
        assertThat(window.percentile(50)).isEqualTo(900);
        assertThat(recorder.percentile(50)).isEqualTo(10);
        assertThat(recorder.percentile(95)).isEqualTo(900);
        assertThat(recorder.window(20_000, 30_000).count()).isZero();
    }
}
