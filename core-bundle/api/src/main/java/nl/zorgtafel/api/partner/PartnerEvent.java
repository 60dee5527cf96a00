package nl.zorgtafel.api.partner;

import java.util.Objects;
import nl.zorgtafel.api.model.Advice;
import nl.zorgtafel.api.model.CareTrajectory;
import nl.zorgtafel.api.model.Investigation;
import nl.zorgtafel.api.model.Measure;
import nl.zorgtafel.api.model.Signal;
import nl.zorgtafel.api.model.YouthIdentity;

/**
 * A canonical event: one fact a partner reports about a youth. Every event names the youth
 * as the partner knows them; the core matches that to the table's youth and case.
 *
 * <p>Events that carry a partner reference are updates: a later event with the same
 * reference from the same partner replaces what the earlier one said.
 */
public sealed interface PartnerEvent {

    YouthIdentity youth();

    /** A concern registered (signaal). */
    record SignalReported(YouthIdentity youth, Signal signal) implements PartnerEvent {
        public SignalReported {
            Objects.requireNonNull(youth, "youth");
            Objects.requireNonNull(signal, "signal");
        }
    }

    /** Care started, or changed, or ended: the trajectory as the partner now reports it. */
    record TrajectoryReported(YouthIdentity youth, CareTrajectory trajectory) implements PartnerEvent {
        public TrajectoryReported {
            Objects.requireNonNull(youth, "youth");
            Objects.requireNonNull(trajectory, "trajectory");
        }
    }

    /** The partner withdraws what it reported about a trajectory (an iJw deletion). */
    record TrajectoryWithdrawn(YouthIdentity youth, String reference) implements PartnerEvent {
        public TrajectoryWithdrawn {
            Objects.requireNonNull(youth, "youth");
            Objects.requireNonNull(reference, "reference");
        }
    }

    /** The child-protection board started an investigation. */
    record InvestigationStarted(YouthIdentity youth, Investigation investigation) implements PartnerEvent {
        public InvestigationStarted {
            Objects.requireNonNull(youth, "youth");
            Objects.requireNonNull(investigation, "investigation");
        }
    }

    /** The child-protection board advised the court. */
    record AdviceGiven(YouthIdentity youth, Advice advice) implements PartnerEvent {
        public AdviceGiven {
            Objects.requireNonNull(youth, "youth");
            Objects.requireNonNull(advice, "advice");
        }
    }

    /** A court granted a measure: an intervention. */
    record MeasureGranted(YouthIdentity youth, Measure measure) implements PartnerEvent {
        public MeasureGranted {
            Objects.requireNonNull(youth, "youth");
            Objects.requireNonNull(measure, "measure");
        }
    }
}
