package nl.zorgtafel.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ModelInvariantsTest {

    private static final LocalDate MAY_27 = LocalDate.of(2015, 5, 27);

    @Test
    void aTrajectoryCannotEndBeforeItStarts() {
        var ending = new TrajectoryEnding(MAY_27.minusDays(1), TrajectoryEnding.Kind.PLANNED, "31");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CareTrajectory("T-1", "closed placement", MAY_27, ending));
    }

    @Test
    void aTrajectoryEndedEarlySaysSo() {
        var ending = new TrajectoryEnding(MAY_27, TrajectoryEnding.Kind.EARLY, "voortijdig-client");
        var trajectory = new CareTrajectory("MEE-1", "clientondersteuning", MAY_27.minusMonths(3), ending);
        assertThat(trajectory.knownEnding()).hasValueSatisfying(e -> assertThat(e.endedEarly()).isTrue());
    }

    @Test
    void aMeasureCannotEndBeforeItStarts() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Measure("RT-1", MeasureKind.OTS, MAY_27, MAY_27.minusDays(1)));
    }

    @Test
    void anOpenAgreementPastItsDueDateIsOverdue() {
        var agreement = new Agreement("a1", "c1", "Huisbezoek", "mee", MAY_27, Agreement.Status.OPEN);
        assertThat(agreement.isOverdueOn(MAY_27)).isFalse();
        assertThat(agreement.isOverdueOn(MAY_27.plusDays(1))).isTrue();
        assertThat(new Agreement("a1", "c1", "Huisbezoek", "mee", MAY_27, Agreement.Status.DONE)
                .isOverdueOn(MAY_27.plusDays(1))).isFalse();
    }

    @Test
    void aYouthIdentityNeverShowsNameOrBsnInItsStringForm() {
        var youth = new YouthIdentity(Bsn.of("999990019"), "Lisa", "de Vries", LocalDate.of(1997, 11, 3));
        assertThat(youth.toString()).doesNotContain("Lisa", "Vries", "999990019");
    }

    @Test
    void categoriesAndMeasuresAreFoundByTheirContractCodes() {
        assertThat(SignalCategory.fromCode("school-dropout")).contains(SignalCategory.SCHOOL_DROPOUT);
        assertThat(SignalCategory.fromCode("unknown")).isEmpty();
        assertThat(MeasureKind.fromCode("spoedmachtiging-gesloten-jeugdhulp"))
                .contains(MeasureKind.EMERGENCY_CLOSED_CARE_AUTHORISATION);
    }
}
