package nl.zorgtafel.core.internal.access;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import nl.zorgtafel.api.model.Advice;
import nl.zorgtafel.api.model.CareTrajectory;
import nl.zorgtafel.api.model.Investigation;
import nl.zorgtafel.api.model.TrajectoryEnding;
import nl.zorgtafel.core.internal.cases.CaseFile;
import nl.zorgtafel.core.internal.security.Caller;
import nl.zorgtafel.core.internal.store.Store.Recorded;

/**
 * Need-to-know at field level, in one place: which kind of partner sees which details of
 * another partner's entries. A partner always sees its own entries whole; the coordinator
 * sees everything; everyone at a case's table sees that each entry exists, by whom, when,
 * and whether a trajectory ended early. A detail withheld reads {@value #WITHHELD}.
 *
 * <p>The matrix here is the one in docs/privacy.md ("Who sees what"); the test
 * {@code NeedToKnowTest} checks both against each other.
 */
public final class NeedToKnow {

    /** What a withheld detail reads. */
    public static final String WITHHELD = "[withheld: need to know]";

    private static final Map<PartnerCategory, Set<Detail>> MATRIX = new EnumMap<>(PartnerCategory.class);

    static {
        MATRIX.put(PartnerCategory.YOUTH_PROTECTION, EnumSet.allOf(Detail.class));
        MATRIX.put(PartnerCategory.MENTAL_HEALTH_CARE,
                EnumSet.of(Detail.SIGNAL_SUMMARY, Detail.CARE_DETAIL));
        MATRIX.put(PartnerCategory.CARE, EnumSet.of(Detail.SIGNAL_SUMMARY, Detail.CARE_DETAIL));
        MATRIX.put(PartnerCategory.MUNICIPALITY, EnumSet.of(Detail.SIGNAL_SUMMARY));
        MATRIX.put(PartnerCategory.POLICE, EnumSet.of(Detail.SIGNAL_SUMMARY));
        MATRIX.put(PartnerCategory.SOCIAL_WORK, EnumSet.of(Detail.SIGNAL_SUMMARY));
        MATRIX.put(PartnerCategory.OTHER, EnumSet.of(Detail.SIGNAL_SUMMARY));
    }

    private NeedToKnow() {
    }

    /** The details of other partners' entries that a partner of this category sees. */
    public static Set<Detail> visibleTo(PartnerCategory category) {
        return Set.copyOf(MATRIX.get(category));
    }

    /** Whether the caller sees this detail of an entry that {@code entryPartner} reported. */
    public static boolean sees(Caller caller, String entryPartner, Detail detail) {
        if (caller.isCoordinator()) {
            return true;
        }
        if (caller.partnerId() == null || !caller.worksWithCases()) {
            return false;
        }
        if (caller.partnerId().equals(entryPartner)) {
            return true;
        }
        return MATRIX.get(PartnerCategory.of(caller.partnerId())).contains(detail);
    }

    /** The detail of a trajectory that a partner of this kind reported. */
    static Detail trajectoryDetail(String entryPartner) {
        return PartnerCategory.of(entryPartner) == PartnerCategory.MENTAL_HEALTH_CARE
                ? Detail.TREATMENT_DETAIL : Detail.CARE_DETAIL;
    }

    /**
     * The case as this caller may see it: every entry is there, with the details the caller
     * has no need to know withheld. The timeline, derived from the file, follows.
     */
    public static CaseFile view(CaseFile file, Caller caller) {
        if (caller.isCoordinator()) {
            return file;
        }
        return new CaseFile(file.caseRecord(), file.youth(), file.partners(),
                each(file.signals(), s -> sees(caller, s.partnerId(), Detail.SIGNAL_SUMMARY) ? s.value()
                        : new nl.zorgtafel.api.model.Signal(s.value().reference(), s.value().category(),
                                s.value().urgency(), WITHHELD, s.value().observedOn())),
                each(file.trajectories(), t -> sees(caller, t.partnerId(), trajectoryDetail(t.partnerId())) ? t.value()
                        : withheld(t.value())),
                file.measures(),
                each(file.investigations(), i -> sees(caller, i.partnerId(), Detail.INVESTIGATION_REASON) ? i.value()
                        : new Investigation(i.value().reference(), i.value().startedOn(), WITHHELD)),
                each(file.advice(), a -> sees(caller, a.partnerId(), Detail.ADVICE_EXPLANATION) ? a.value()
                        : new Advice(a.value().reference(), a.value().givenOn(), a.value().advised(), WITHHELD)),
                file.table(), file.crisis(), file.life());
    }

    private static CareTrajectory withheld(CareTrajectory trajectory) {
        TrajectoryEnding ending = trajectory.ending() == null ? null
                : new TrajectoryEnding(trajectory.ending().endedOn(), trajectory.ending().kind(), WITHHELD);
        return new CareTrajectory(trajectory.reference(), WITHHELD, trajectory.startedOn(), ending);
    }

    private static <T> List<Recorded<T>> each(List<Recorded<T>> entries, Function<Recorded<T>, T> view) {
        return entries.stream().map(entry -> new Recorded<>(entry.id(), entry.partnerId(), view.apply(entry))).toList();
    }
}
