package nl.zorgtafel.core.internal.testing;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import nl.zorgtafel.api.model.CareTrajectory;
import nl.zorgtafel.api.model.Measure;
import nl.zorgtafel.api.model.MeasureKind;
import nl.zorgtafel.api.model.Signal;
import nl.zorgtafel.api.model.SignalCategory;
import nl.zorgtafel.api.model.TrajectoryEnding;
import nl.zorgtafel.api.model.Urgency;
import nl.zorgtafel.api.model.YouthIdentity;
import nl.zorgtafel.api.partner.PartnerEvent;
import nl.zorgtafel.core.internal.cases.CaseFile;
import nl.zorgtafel.core.internal.cases.CaseLifecycle;
import nl.zorgtafel.core.internal.cases.Cases;
import nl.zorgtafel.core.internal.cases.EventApplier;
import nl.zorgtafel.core.internal.cases.YouthMatcher;
import nl.zorgtafel.core.internal.crisis.Crises;
import nl.zorgtafel.core.internal.crisis.CrisisWatch;
import nl.zorgtafel.core.internal.crypto.Cipher;
import nl.zorgtafel.core.internal.crypto.KeyRing;
import nl.zorgtafel.core.internal.crypto.Pseudonymizer;
import nl.zorgtafel.core.internal.matching.MatchCandidates;
import nl.zorgtafel.core.internal.matching.YouthMerger;
import nl.zorgtafel.core.internal.outbox.Notifier;
import nl.zorgtafel.core.internal.store.Store.CaseRecord;
import nl.zorgtafel.core.internal.store.Transactions;
import nl.zorgtafel.core.internal.table.Agendas;
import nl.zorgtafel.core.internal.table.Agreements;
import nl.zorgtafel.core.internal.table.Meetings;
import nl.zorgtafel.core.internal.table.RecurrenceReport;

/**
 * The table's classes wired as the core wires them, on a test database and a story clock,
 * with the words a scenario needs to tell a youth's story: a partner reports a signal, a
 * trajectory, a measure; the coordinator closes a case; the clock moves on. Partner
 * reports go through the same {@link EventApplier} that applies adapters' messages.
 */
public final class TableStory {

    public static final String COORDINATOR = "coordinator-anna";

    public final StoryClock clock;
    public final Transactions transactions;
    public final EventApplier applier;
    public final Cases cases;
    public final CaseLifecycle lifecycle;
    public final Meetings meetings;
    public final Agreements agreements;
    public final MatchCandidates candidates;
    public final Crises crises;
    public final RecurrenceReport recurrence;
    private final TestDatabase database;
    private final Notifier notifier = new Notifier();

    public TableStory(TestDatabase database, LocalDate start) {
        this.database = database;
        this.clock = new StoryClock(start);
        this.transactions = database.transactions();
        KeyRing keys = KeyRing.generate();
        this.applier = new EventApplier(new YouthMatcher(new Pseudonymizer(keys), new Cipher(keys)), clock, notifier);
        this.cases = new Cases(transactions, applier);
        this.lifecycle = new CaseLifecycle(transactions, clock);
        this.meetings = new Meetings(transactions, new Agendas(), notifier, clock);
        this.agreements = new Agreements(transactions, notifier, clock);
        this.candidates = new MatchCandidates(transactions, new YouthMerger(notifier), clock);
        this.crises = new Crises(transactions, clock);
        this.recurrence = new RecurrenceReport(transactions);
    }

    /** The crisis watch with this patience; {@code teamConfigured}: whether partner jbrr has a configuration. */
    public CrisisWatch crisisWatch(Duration patience, boolean teamConfigured) {
        return new CrisisWatch(transactions, notifier, clock, patience,
                id -> teamConfigured && id.equals(Notifier.CRISIS_TEAM));
    }

    /** The story moves to this day (ten in the morning). */
    public void on(LocalDate day) {
        clock.moveTo(day);
    }

    // ---- what partners report ----

    /** A partner reports a signal observed on the story's day; returns its case. */
    public String signal(String partnerId, YouthIdentity youth, String reference, SignalCategory category,
                         Urgency urgency) {
        return signal(partnerId, youth, reference, category, urgency, LocalDate.now(clock));
    }

    public String signal(String partnerId, YouthIdentity youth, String reference, SignalCategory category,
                         Urgency urgency, LocalDate observedOn) {
        return apply(partnerId, new PartnerEvent.SignalReported(youth, new Signal(reference, category, urgency,
                "what " + partnerId + " saw", observedOn)));
    }

    public String trajectory(String partnerId, YouthIdentity youth, String reference, String kind, LocalDate start,
                             LocalDate end, TrajectoryEnding.Kind ending, String reason) {
        TrajectoryEnding ended = end == null ? null : new TrajectoryEnding(end, ending, reason);
        return apply(partnerId, new PartnerEvent.TrajectoryReported(youth,
                new CareTrajectory(reference, kind, start, ended)));
    }

    public String measure(String partnerId, YouthIdentity youth, String reference, MeasureKind kind, LocalDate start,
                          LocalDate end) {
        return apply(partnerId, new PartnerEvent.MeasureGranted(youth, new Measure(reference, kind, start, end)));
    }

    /** Applies a partner's events as its adapter's message would be; returns the case of the first. */
    public String apply(String partnerId, PartnerEvent... events) {
        return transactions.run(store -> applier.apply(store, partnerId, List.of(events))).caseIds().get(0);
    }

    // ---- the coordinator ----

    public CaseRecord close(String caseId, String reason) {
        return lifecycle.close(caseId, reason, COORDINATOR).orElseThrow();
    }

    // ---- reading ----

    public CaseRecord caseRecord(String caseId) {
        return transactions.run(store -> store.caseRecord(caseId)).orElseThrow();
    }

    public CaseFile caseFile(String caseId) {
        return cases.read(caseId).orElseThrow();
    }

    /** The kinds of the notifications written for a partner, oldest first. */
    public List<Object> notificationsTo(String partnerId) {
        return database.column("SELECT kind FROM outbox WHERE partner_id = ? ORDER BY seq", partnerId);
    }

    /** The summaries of the notifications of a kind written for a partner, oldest first. */
    public List<Object> summariesTo(String partnerId, String kind) {
        return database.column("SELECT summary FROM outbox WHERE partner_id = ? AND kind = ? ORDER BY seq",
                partnerId, kind);
    }
}
