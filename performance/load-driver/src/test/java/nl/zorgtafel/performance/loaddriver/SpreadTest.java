package nl.zorgtafel.performance.loaddriver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadTest {

    @Test
    void an_odd_count_has_the_middle_slice_as_its_median() {
        assertThat(Spread.of(List.of(3100d, 29_800d, 4200d, 3900d, 5100d)))
                .isEqualTo(new Spread(5, 4200, 3100, 29_800));
    }

    @Test
    void an_even_count_has_the_mean_of_the_middle_two_as_its_median() {
        assertThat(Spread.of(List.of(5000d, 3000d, 31_000d, 4000d)))
                .isEqualTo(new Spread(4, 4500, 3000, 31_000));
    }

    @Test
    void one_slice_is_median_min_and_max() {
        assertThat(Spread.of(List.of(2750.5))).isEqualTo(new Spread(1, 2750.5, 2750.5, 2750.5));
    }

    @Test
    void no_slices_report_minus_one() {
        assertThat(Spread.of(List.of())).isEqualTo(new Spread(0, -1, -1, -1));
    }
}
