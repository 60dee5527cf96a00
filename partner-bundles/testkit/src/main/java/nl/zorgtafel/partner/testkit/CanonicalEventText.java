package nl.zorgtafel.partner.testkit;

import java.time.LocalDate;
import java.util.List;
import nl.zorgtafel.api.model.Advice;
import nl.zorgtafel.api.model.CareTrajectory;
import nl.zorgtafel.api.model.Investigation;
import nl.zorgtafel.api.model.Measure;
import nl.zorgtafel.api.model.Signal;
import nl.zorgtafel.api.model.TrajectoryEnding;
import nl.zorgtafel.api.model.YouthIdentity;
import nl.zorgtafel.api.partner.PartnerEvent;
import nl.zorgtafel.api.partner.PartnerEvent.AdviceGiven;
import nl.zorgtafel.api.partner.PartnerEvent.InvestigationStarted;
import nl.zorgtafel.api.partner.PartnerEvent.MeasureGranted;
import nl.zorgtafel.api.partner.PartnerEvent.SignalReported;
import nl.zorgtafel.api.partner.PartnerEvent.TrajectoryReported;
import nl.zorgtafel.api.partner.PartnerEvent.TrajectoryWithdrawn;

/**
 * Canonical events as text, one line per event, so that a sample's expected outcome is a
 * file a person can read and review in a diff.
 *
 * <p>Each line starts with the event kind, then the youth, then the event's own fields, in
 * a fixed order. Dates are ISO, enums their API codes, free text quoted. The BSN shows only
 * as {@code bsn=known} or {@code bsn=none}: expected files are committed and must never
 * hold one.
 *
 * <pre>
 * signal youth(bsn=known given="Lisa" family="de Vries" born=1997-11-03) reference="Flag/7" category=prostitution urgency=crisis observedOn=2015-05-11 summary="..."
 * trajectory youth(...) reference="..." kind="..." startedOn=2014-09-01 ending=planned endedOn=2015-02-15 reason="finished"
 * </pre>
 */
public final class CanonicalEventText {

    private CanonicalEventText() {
    }

    /** One line per event, in the order given. */
    public static List<String> lines(List<PartnerEvent> events) {
        return events.stream().map(CanonicalEventText::line).toList();
    }

    /** The event as one line. */
    public static String line(PartnerEvent event) {
        String youth = youth(event.youth());
        if (event instanceof SignalReported reported) {
            return "signal " + youth + signal(reported.signal());
        }
        if (event instanceof TrajectoryReported reported) {
            return "trajectory " + youth + trajectory(reported.trajectory());
        }
        if (event instanceof TrajectoryWithdrawn withdrawn) {
            return "trajectory-withdrawn " + youth + " reference=" + quoted(withdrawn.reference());
        }
        if (event instanceof InvestigationStarted started) {
            return "investigation " + youth + investigation(started.investigation());
        }
        if (event instanceof AdviceGiven given) {
            return "advice " + youth + advice(given.advice());
        }
        if (event instanceof MeasureGranted granted) {
            return "measure " + youth + measure(granted.measure());
        }
        throw new IllegalArgumentException("no text form for " + event.getClass().getSimpleName());
    }

    private static String youth(YouthIdentity youth) {
        return "youth(bsn=" + (youth.knownBsn().isPresent() ? "known" : "none")
                + " given=" + quoted(youth.givenName())
                + " family=" + quoted(youth.familyName())
                + " born=" + date(youth.birthDate(), "unknown") + ")";
    }

    private static String signal(Signal signal) {
        return " reference=" + quoted(signal.reference())
                + " category=" + signal.category().code()
                + " urgency=" + signal.urgency().code()
                + " observedOn=" + signal.observedOn()
                + " summary=" + quoted(signal.summary());
    }

    private static String trajectory(CareTrajectory trajectory) {
        String ending = trajectory.knownEnding().map(CanonicalEventText::ending).orElse(" ending=none");
        return " reference=" + quoted(trajectory.reference())
                + " kind=" + quoted(trajectory.kind())
                + " startedOn=" + trajectory.startedOn()
                + ending;
    }

    private static String ending(TrajectoryEnding ending) {
        return " ending=" + ending.kind().code()
                + " endedOn=" + ending.endedOn()
                + " reason=" + quoted(ending.reason());
    }

    private static String investigation(Investigation investigation) {
        return " reference=" + quoted(investigation.reference())
                + " startedOn=" + investigation.startedOn()
                + " reason=" + quoted(investigation.reason());
    }

    private static String advice(Advice advice) {
        return " reference=" + quoted(advice.reference())
                + " givenOn=" + advice.givenOn()
                + " advised=" + advice.advised().code()
                + " explanation=" + quoted(advice.explanation());
    }

    private static String measure(Measure measure) {
        return " reference=" + quoted(measure.reference())
                + " kind=" + measure.kind().code()
                + " startsOn=" + measure.startsOn()
                + " endsOn=" + date(measure.endsOn(), "none");
    }

    private static String date(LocalDate date, String whenAbsent) {
        return date == null ? whenAbsent : date.toString();
    }

    /** Quotes free text and escapes what would break the one-line form. */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
