package nl.zorgtafel.core.internal.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.zorgtafel.api.model.CaseStatus;
import nl.zorgtafel.api.model.YouthIdentity;
import nl.zorgtafel.api.partner.PartnerEvent;
import nl.zorgtafel.api.partner.PartnerEvent.AdviceGiven;
import nl.zorgtafel.api.partner.PartnerEvent.InvestigationStarted;
import nl.zorgtafel.api.partner.PartnerEvent.MeasureGranted;
import nl.zorgtafel.api.partner.PartnerEvent.SignalReported;
import nl.zorgtafel.api.partner.PartnerEvent.TrajectoryReported;
import nl.zorgtafel.api.partner.PartnerEvent.TrajectoryWithdrawn;
import nl.zorgtafel.core.internal.outbox.Notifier;
import nl.zorgtafel.core.internal.store.CrisisStore;
import nl.zorgtafel.core.internal.store.Store;
import nl.zorgtafel.core.internal.store.Store.CaseRecord;
import nl.zorgtafel.core.internal.store.Store.EntryType;

/**
 * Applies a partner's canonical events to the case model, inside the caller's
 * transaction: finds (or registers) the youth, finds their open case (or opens one),
 * involves the partner, and records what it reported. A report under a reference the
 * partner used before updates that entry, in the case that holds it.
 */
public final class EventApplier {

    private final YouthMatcher matcher;
    private final Clock clock;

    private final Notifier notifier;

    public EventApplier(YouthMatcher matcher, Clock clock) {
        this(matcher, clock, new Notifier());
    }

    public EventApplier(YouthMatcher matcher, Clock clock, Notifier notifier) {
        this.matcher = matcher;
        this.clock = clock;
        this.notifier = notifier;
    }

    /** What applying a message did: the cases it touched, in order, and where each event landed. */
    public record Applied(List<String> caseIds, List<Placed> placed) {
    }

    /** Where one event landed; {@code entryId} is null for a withdrawal. */
    public record Placed(String entryId, String caseId, String youthId, boolean youthMatched) {
    }

    public Applied apply(Store store, String partnerId, List<PartnerEvent> events) {
        Instant now = clock.instant();
        Map<YouthIdentity, YouthMatcher.Match> youthsInMessage = new HashMap<>();
        Set<String> caseIds = new LinkedHashSet<>();
        List<Placed> placed = new ArrayList<>();
        for (PartnerEvent event : events) {
            // an identity that a known reference ties to a youth is that youth for the whole message
            earlierCaseOf(store, partnerId, event).ifPresent(caseId -> youthsInMessage.putIfAbsent(event.youth(),
                    new YouthMatcher.Match(store.caseRecord(caseId).orElseThrow().youthId(), true)));
        }
        for (PartnerEvent event : events) {
            Optional<String> earlierCase = earlierCaseOf(store, partnerId, event);
            if (event instanceof TrajectoryWithdrawn withdrawn) {
                // withdrawing what was never reported changes nothing
                earlierCase.ifPresent(caseId -> store.deleteTrajectory(partnerId, withdrawn.reference()));
                earlierCase.ifPresent(caseIds::add);
                continue;
            }
            YouthMatcher.Match youth = earlierCase.isPresent()
                    ? new YouthMatcher.Match(store.caseRecord(earlierCase.get()).orElseThrow().youthId(), true)
                    : youthsInMessage.computeIfAbsent(event.youth(), identity -> matcher.match(store, identity, now));
            if (earlierCase.isPresent()) {
                // a partner that now gives the BSN of a youth the table knew without one links it
                matcher.linkBsn(store, youth.youthId(), event.youth(), now);
            }
            String caseId = earlierCase.orElseGet(() -> openCaseOf(store, youth.youthId(), now));
            if (store.involvePartner(caseId, partnerId, now)) {
                Set<String> before = new LinkedHashSet<>(store.partnersOf(caseId));
                before.remove(partnerId);
                notifier.partnerJoined(store, caseId, youth.youthId(), partnerId, before, now);
            }
            String entryId = record(store, caseId, partnerId, event, now);
            if (event instanceof SignalReported reported && reported.signal().isCrisis()
                    && !hasCrisisPath(store, caseId, entryId)) {
                // a first report in crisis, or a signal the partner now escalates to crisis
                Optional<String> told = notifier.crisisSignal(store, caseId, youth.youthId(), partnerId,
                        reported.signal(), now);
                crisisRaised(store, caseId, entryId, partnerId, told, now);
            }
            caseIds.add(caseId);
            placed.add(new Placed(entryId, caseId, youth.youthId(), youth.matched()));
        }
        return new Applied(List.copyOf(caseIds), List.copyOf(placed));
    }

    private static Optional<String> earlierCaseOf(Store store, String partnerId, PartnerEvent event) {
        if (event instanceof SignalReported e) {
            return store.caseOfEntry(EntryType.SIGNAL, partnerId, e.signal().reference());
        }
        if (event instanceof TrajectoryReported e) {
            return store.caseOfEntry(EntryType.TRAJECTORY, partnerId, e.trajectory().reference());
        }
        if (event instanceof TrajectoryWithdrawn e) {
            return store.caseOfEntry(EntryType.TRAJECTORY, partnerId, e.reference());
        }
        if (event instanceof InvestigationStarted e) {
            return store.caseOfEntry(EntryType.INVESTIGATION, partnerId, e.investigation().reference());
        }
        if (event instanceof AdviceGiven e) {
            return store.caseOfEntry(EntryType.ADVICE, partnerId, e.advice().reference());
        }
        if (event instanceof MeasureGranted e) {
            return store.caseOfEntry(EntryType.MEASURE, partnerId, e.measure().reference());
        }
        throw new IllegalArgumentException("unknown event type " + event.getClass().getSimpleName());
    }

    /**
     * Whether this signal started a crisis path already: a signal is a crisis once, so the
     * crisis team is told once, however often the partner reports it again (a replayed
     * message, an update, a step back to normal and up to crisis again).
     */
    private static boolean hasCrisisPath(Store store, String caseId, String signalId) {
        return store.crises().crisesOf(caseId).stream().anyMatch(crisis -> crisis.signalId().equals(signalId));
    }

    /**
     * The start of a crisis path: the crisis team was told ({@code told}), or reported the
     * crisis itself, which is its acknowledgement.
     */
    private static void crisisRaised(Store store, String caseId, String signalId, String partnerId,
                                     Optional<String> told, Instant now) {
        boolean teamReported = Notifier.CRISIS_TEAM.equals(partnerId);
        store.crises().addCrisis(new CrisisStore.CrisisRecord(UUID.randomUUID().toString(), caseId, signalId,
                partnerId, now, told.orElse(null), teamReported ? now : null,
                teamReported ? "partner " + partnerId + " (reported it)" : null, null));
    }

    private String openCaseOf(Store store, String youthId, Instant now) {
        Optional<CaseRecord> latest = store.latestCaseOf(youthId);
        if (latest.isPresent() && CaseStatus.OPEN.code().equals(latest.get().status())) {
            return latest.get().id();
        }
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        String repeatOf = latest
                .filter(closed -> closed.closedOn() != null && RepeatRule.isWithinWindow(closed.closedOn(), today))
                .map(CaseRecord::id)
                .orElse(null);
        CaseRecord opened = new CaseRecord(UUID.randomUUID().toString(), youthId, CaseStatus.OPEN.code(), today,
                false, repeatOf, null, null);
        store.addCase(opened, now);
        return opened.id();
    }

    private static String record(Store store, String caseId, String partnerId, PartnerEvent event, Instant now) {
        if (event instanceof SignalReported e) {
            if (e.signal().isCrisis()) {
                store.markCrisis(caseId);
            }
            return store.upsertSignal(caseId, partnerId, e.signal(), now);
        }
        if (event instanceof TrajectoryReported e) {
            return store.upsertTrajectory(caseId, partnerId, e.trajectory(), now);
        }
        if (event instanceof InvestigationStarted e) {
            return store.upsertInvestigation(caseId, partnerId, e.investigation(), now);
        }
        if (event instanceof AdviceGiven e) {
            return store.upsertAdvice(caseId, partnerId, e.advice(), now);
        }
        if (event instanceof MeasureGranted e) {
            return store.upsertMeasure(caseId, partnerId, e.measure(), now);
        }
        throw new IllegalArgumentException("unknown event type " + event.getClass().getSimpleName());
    }
}
