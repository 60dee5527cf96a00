package nl.zorgtafel.partner.horizon.internal;

import static org.assertj.core.api.Assertions.assertThat;

import nl.zorgtafel.api.model.TrajectoryEnding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CareCodesTest {

    @ParameterizedTest
    @CsvSource({
        "37, closed placement",
        "43, residential",
        "44, residential",
        "45, ambulant",
        "46, crisis",
        "54, category 54",
        "10, category 10"
    })
    void jz020CategoryNamesTheKindOfCare(String category, String kind) {
        assertThat(CareCodes.careKind(category)).isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource({
        "31, PLANNED",
        "32, EARLY",
        "33, EARLY",
        "34, EARLY",
        "35, EARLY",
        "30, UNKNOWN",
        "36, UNKNOWN",
        "01, UNKNOWN"
    })
    void jz588ReasonSaysWhetherCareEndedAsPlannedOrEarly(String reason, TrajectoryEnding.Kind kind) {
        assertThat(CareCodes.endingKind(reason)).isEqualTo(kind);
    }
}
