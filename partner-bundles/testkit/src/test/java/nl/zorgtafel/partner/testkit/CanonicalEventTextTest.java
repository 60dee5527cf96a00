package nl.zorgtafel.partner.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import nl.zorgtafel.api.model.Bsn;
import nl.zorgtafel.api.model.CareTrajectory;
import nl.zorgtafel.api.model.Measure;
import nl.zorgtafel.api.model.MeasureKind;
import nl.zorgtafel.api.model.Signal;
import nl.zorgtafel.api.model.SignalCategory;
import nl.zorgtafel.api.model.TrajectoryEnding;
import nl.zorgtafel.api.model.Urgency;
import nl.zorgtafel.api.model.YouthIdentity;
import nl.zorgtafel.api.partner.PartnerEvent;
import org.junit.jupiter.api.Test;

class CanonicalEventTextTest {

    private static final YouthIdentity LISA =
            new YouthIdentity(Bsn.of("999990019"), "Lisa", "de Vries", LocalDate.of(1997, 11, 3));
    private static final YouthIdentity UNKNOWN_YOUTH = new YouthIdentity(null, "", "Doe", null);

    @Test
    void signalLineShowsEveryFieldInFixedOrderAndHidesTheBsn() {
        PartnerEvent event = new PartnerEvent.SignalReported(LISA, new Signal("Flag/7",
                SignalCategory.PROSTITUTION, Urgency.CRISIS, "werkt 'voor een vriend'", LocalDate.of(2015, 5, 11)));

        assertThat(CanonicalEventText.line(event)).isEqualTo(
                "signal youth(bsn=known given=\"Lisa\" family=\"de Vries\" born=1997-11-03) reference=\"Flag/7\""
                        + " category=prostitution urgency=crisis observedOn=2015-05-11"
                        + " summary=\"werkt 'voor een vriend'\"")
                .doesNotContain("999990019");
    }

    @Test
    void trajectoryLineShowsTheEndingOrNone() {
        CareTrajectory ended = new CareTrajectory("EpisodeOfCare/3", "ambulant", LocalDate.of(2014, 9, 1),
                new TrajectoryEnding(LocalDate.of(2015, 2, 15), TrajectoryEnding.Kind.PLANNED, "finished"));
        CareTrajectory running = new CareTrajectory("EpisodeOfCare/4", "ambulant", LocalDate.of(2014, 9, 1), null);

        List<String> lines = CanonicalEventText.lines(List.of(
                new PartnerEvent.TrajectoryReported(LISA, ended),
                new PartnerEvent.TrajectoryReported(UNKNOWN_YOUTH, running)));

        assertThat(lines).containsExactly(
                "trajectory youth(bsn=known given=\"Lisa\" family=\"de Vries\" born=1997-11-03)"
                        + " reference=\"EpisodeOfCare/3\" kind=\"ambulant\" startedOn=2014-09-01"
                        + " ending=planned endedOn=2015-02-15 reason=\"finished\"",
                "trajectory youth(bsn=none given=\"\" family=\"Doe\" born=unknown)"
                        + " reference=\"EpisodeOfCare/4\" kind=\"ambulant\" startedOn=2014-09-01 ending=none");
    }

    @Test
    void measureWithoutEndShowsNone() {
        PartnerEvent event = new PartnerEvent.MeasureGranted(UNKNOWN_YOUTH,
                new Measure("uitspraak-12", MeasureKind.OTS, LocalDate.of(2016, 1, 4), null));

        assertThat(CanonicalEventText.line(event)).endsWith("kind=ots startsOn=2016-01-04 endsOn=none");
    }

    @Test
    void quotesAndLineBreaksAreEscapedSoEachEventStaysOneLine() {
        assertThat(CanonicalEventText.quoted("zei \"nee\"\nen liep\\weg")).isEqualTo("\"zei \\\"nee\\\"\\nen liep\\\\weg\"");
    }
}
