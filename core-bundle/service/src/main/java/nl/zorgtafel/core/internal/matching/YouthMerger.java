package nl.zorgtafel.core.internal.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.zorgtafel.api.model.CaseStatus;
import nl.zorgtafel.core.internal.cases.Conflict;
import nl.zorgtafel.core.internal.cases.RepeatRule;
import nl.zorgtafel.core.internal.outbox.Notifier;
import nl.zorgtafel.core.internal.store.MatchStore;
import nl.zorgtafel.core.internal.store.MatchStore.Candidate;
import nl.zorgtafel.core.internal.store.Store;
import nl.zorgtafel.core.internal.store.Store.CaseRecord;
import nl.zorgtafel.core.internal.store.Store.StatusChange;
import nl.zorgtafel.core.internal.store.Store.YouthKeys;

/**
 * Merges two youths the coordinator confirmed are one person, inside the caller's
 * transaction. Nothing is lost: the later youth's cases become the earlier youth's; if both
 * had an open case, the later-opened one is absorbed by the other with every entry,
 * agreement, agenda item and crisis record, and stays as a {@code merged} case that names
 * it. A BSN only one of them had is linked to the surviving youth. A case the merge turns
 * into a repeat says so. The merge is audited (who, when, what moved), and partners who now
 * share the case learn it as they would from a match.
 */
public final class YouthMerger {

    private final Notifier notifier;

    public YouthMerger(Notifier notifier) {
        this.notifier = notifier;
    }

    /**
     * What a merge did.
     *
     * @param survivingCaseId the youth's open case after the merge, else their latest case
     */
    public record Outcome(String survivingYouthId, String mergedYouthId, String survivingCaseId,
                          List<String> mergedCaseIds, int movedEntries, boolean bsnLinked) {
    }

    public Outcome merge(Store store, Candidate candidate, String by, Instant now, LocalDate today) {
        String survivor = candidate.otherYouthId();
        String merged = candidate.youthId();
        YouthKeys survivorKeys = store.youthKeys(survivor).orElseThrow();
        YouthKeys mergedKeys = store.youthKeys(merged).orElseThrow();
        if (survivorKeys.mergedInto() != null || mergedKeys.mergedInto() != null) {
            throw new Conflict("One of the two youths was merged into another youth already.");
        }
        if (survivorKeys.hasBsn() && mergedKeys.hasBsn()) {
            throw new Conflict("Both youths have a BSN, and they differ: they are two people.");
        }
        boolean bsnLinked = mergedKeys.hasBsn();
        if (bsnLinked) {
            store.setYouthBsn(merged, null, null);
            store.setYouthBsn(survivor, mergedKeys.bsnPseudonym(), mergedKeys.bsnEncrypted());
        }
        for (CaseRecord c : store.casesOf(merged)) {
            store.reassignCase(c.id(), survivor);
        }
        List<CaseRecord> open = store.casesOf(survivor).stream()
                .filter(c -> CaseStatus.OPEN.code().equals(c.status())).toList();
        List<String> mergedCases = new ArrayList<>();
        int moved = 0;
        if (!open.isEmpty()) {
            String target = open.get(0).id();
            for (CaseRecord extra : open.subList(1, open.size())) {
                moved += absorb(store, extra, target, candidate, by, now, today);
                mergedCases.add(extra.id());
            }
            markRepeatIfDue(store, survivor, open.get(0));
        }
        store.markYouthMerged(merged, survivor);
        MatchStore matches = store.matches();
        matches.decide(candidate.id(), MatchStore.Status.CONFIRMED, now, by);
        repointOpenCandidates(matches, merged, survivor, now, by);
        List<CaseRecord> cases = store.casesOf(survivor);
        String survivingCase = open.isEmpty() ? cases.isEmpty() ? null : cases.get(cases.size() - 1).id()
                : open.get(0).id();
        matches.addMerge(new MatchStore.Merge(UUID.randomUUID().toString(), candidate.id(), survivor, merged,
                survivingCase, mergedCases, moved, bsnLinked, now, by));
        return new Outcome(survivor, merged, survivingCase, mergedCases, moved, bsnLinked);
    }

    private int absorb(Store store, CaseRecord extra, String target, Candidate candidate, String by, Instant now,
                       LocalDate today) {
        Set<String> partnersBefore = new LinkedHashSet<>(store.partnersOf(target));
        int moved = store.moveEntries(extra.id(), target)
                + store.table().moveCase(extra.id(), target)
                + store.crises().moveCase(extra.id(), target);
        if (extra.crisis()) {
            store.markCrisis(target);
        }
        store.markCaseMerged(extra.id(), target);
        store.addStatusChange(new StatusChange(extra.id(), "merged", "merged into case " + target
                + " when match candidate " + candidate.id() + " was confirmed", today, now, by));
        store.addStatusChange(new StatusChange(target, CaseStatus.OPEN.code(), "absorbed case " + extra.id()
                + " when match candidate " + candidate.id() + " was confirmed", today, now, by));
        for (String partner : store.partnersOf(target)) {
            if (!partnersBefore.contains(partner)) {
                notifier.partnerJoined(store, target, store.caseRecord(target).orElseThrow().youthId(), partner,
                        partnersBefore, now);
                partnersBefore.add(partner);
            }
        }
        return moved;
    }

    /** The open case becomes a repeat when the merged history holds a case closed within the window before it. */
    private static void markRepeatIfDue(Store store, String youthId, CaseRecord openCase) {
        if (openCase.repeatOf() != null) {
            return;
        }
        List<CaseRecord> earlier = store.casesOf(youthId).stream().filter(c -> !c.id().equals(openCase.id())).toList();
        RepeatRule.repeatedCase(earlier, openCase.openedOn())
                .ifPresent(closed -> store.setRepeatOf(openCase.id(), closed.id()));
    }

    /** Other open candidates of the merged youth now concern the surviving youth, unless that pair is known. */
    private static void repointOpenCandidates(MatchStore matches, String merged, String survivor, Instant now,
                                              String by) {
        for (Candidate other : matches.openCandidatesOf(merged)) {
            String third = other.youthId().equals(merged) ? other.otherYouthId() : other.youthId();
            if (third.equals(survivor) || matches.pairKnown(third, survivor)) {
                matches.decide(other.id(), MatchStore.Status.SUPERSEDED, now, by);
            } else if (other.youthId().equals(merged)) {
                matches.repoint(other.id(), survivor, other.otherYouthId());
            } else {
                matches.repoint(other.id(), other.youthId(), survivor);
            }
        }
    }
}
