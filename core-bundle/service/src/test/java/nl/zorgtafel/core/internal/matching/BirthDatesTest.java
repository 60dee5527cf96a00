package nl.zorgtafel.core.internal.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import nl.zorgtafel.core.internal.matching.BirthDates.Agreement;
import org.junit.jupiter.api.Test;

class BirthDatesTest {

    private static final LocalDate NOVEMBER_3 = LocalDate.of(1997, 11, 3);

    @Test
    void theSameDateAgrees() {
        assertThat(BirthDates.compare(NOVEMBER_3, LocalDate.of(1997, 11, 3))).isEqualTo(Agreement.SAME);
    }

    @Test
    void aYearOnlyRecordedAsTheFirstOfJanuaryAgreesWithAnyDayOfThatYear() {
        assertThat(BirthDates.compare(LocalDate.of(1997, 1, 1), NOVEMBER_3)).isEqualTo(Agreement.SAME_YEAR);
        assertThat(BirthDates.compare(NOVEMBER_3, LocalDate.of(1997, 1, 1))).isEqualTo(Agreement.SAME_YEAR);
    }

    @Test
    void dayAndMonthSwappedAgreeLessStrongly() {
        assertThat(BirthDates.compare(NOVEMBER_3, LocalDate.of(1997, 3, 11))).isEqualTo(Agreement.DAY_MONTH_SWAPPED);
    }

    @Test
    void anUnknownDateIsNoEvidenceEitherWay() {
        assertThat(BirthDates.compare(null, NOVEMBER_3)).isEqualTo(Agreement.UNKNOWN);
        assertThat(BirthDates.compare(null, null)).isEqualTo(Agreement.UNKNOWN);
    }

    @Test
    void anotherDayOrYearIsAnotherPerson() {
        assertThat(BirthDates.compare(NOVEMBER_3, LocalDate.of(1997, 11, 4))).isEqualTo(Agreement.DIFFERENT);
        assertThat(BirthDates.compare(NOVEMBER_3, LocalDate.of(1998, 11, 3))).isEqualTo(Agreement.DIFFERENT);
        assertThat(BirthDates.compare(LocalDate.of(1997, 1, 1), LocalDate.of(1998, 1, 1)))
                .isEqualTo(Agreement.DIFFERENT);
    }
}
