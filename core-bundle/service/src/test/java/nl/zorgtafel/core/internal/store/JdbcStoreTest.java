package nl.zorgtafel.core.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import nl.zorgtafel.api.model.CareTrajectory;
import nl.zorgtafel.api.model.Measure;
import nl.zorgtafel.api.model.MeasureKind;
import nl.zorgtafel.api.model.Signal;
import nl.zorgtafel.api.model.SignalCategory;
import nl.zorgtafel.api.model.TrajectoryEnding;
import nl.zorgtafel.api.model.Urgency;
import nl.zorgtafel.core.internal.store.Store.CaseRecord;
import nl.zorgtafel.core.internal.store.Store.InboxEntry;
import nl.zorgtafel.core.internal.store.Store.InboxStatus;
import nl.zorgtafel.core.internal.store.Store.Recorded;
import nl.zorgtafel.core.internal.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcStoreTest {

    @RegisterExtension
    static final TestDatabase DATABASE = new TestDatabase();

    private static final Instant MONDAY_MORNING = Instant.parse("2025-03-03T08:30:00Z");
    private static final LocalDate MARCH_3 = LocalDate.of(2025, 3, 3);

    private final Transactions transactions = DATABASE.transactions();

    // ---- the inbox ----

    @Test
    void aMessageAddedToTheInboxIsFoundByItsKeyAsPending() {
        long seq = addToInbox("ggz", "bundle-1", "body one");

        InboxEntry entry = entry("ggz", "bundle-1").orElseThrow();

        assertThat(entry.seq()).isEqualTo(seq);
        assertThat(entry.status()).isEqualTo(InboxStatus.PENDING);
        assertThat(entry.mediaType()).isEqualTo("application/fhir+json");
        assertThat(entry.charset()).isEqualTo("UTF-8");
        assertThat(entry.encryptedBody()).asString(StandardCharsets.UTF_8).isEqualTo("body one");
        assertThat(entry.receivedAt()).isEqualTo(MONDAY_MORNING);
        assertThat(entry.caseIds()).isEmpty();
        assertThat(entry.duplicateOf()).isNull();
        assertThat(entry(seq)).map(InboxEntry::messageKey).contains("bundle-1");
    }

    @Test
    void aKeyIsLookedUpPerPartner() {
        addToInbox("ggz", "bundle-1", "body one");

        assertThat(entry("mee", "bundle-1")).isEmpty();
    }

    @Test
    void pendingMessagesComeInArrivalOrderForThePartnerAskedFor() {
        long first = addToInbox("ggz", "b-1", "one");
        addToInbox("mee", "m-1", "two");
        long third = addToInbox("ggz", "b-2", "three");
        addToInbox("rvdk", "r-1", "four");

        assertThat(pending("ggz", 10)).containsExactly(first, third);
    }

    @Test
    void pendingMessagesAreLimitedToTheOldest() {
        long first = addToInbox("ggz", "b-1", "one");
        long second = addToInbox("ggz", "b-2", "two");
        addToInbox("ggz", "b-3", "three");

        assertThat(pending("ggz", 2)).containsExactly(first, second);
    }

    @Test
    void aPartnerWithoutMessagesHasNonePending() {
        addToInbox("ggz", "b-1", "one");

        assertThat(pending("rvdk", 10)).isEmpty();
    }

    @Test
    void aRecordedOutcomeTakesTheMessageOutOfThePending() {
        long seq = addToInbox("ggz", "b-1", "one");

        transactions.run(store -> {
            store.recordOutcome(seq, InboxStatus.PROCESSED, "{\"ignored\":[\"Observation\"]}", List.of("c-1", "c-2"),
                    null, MONDAY_MORNING.plusSeconds(1));
            return null;
        });

        InboxEntry entry = entry(seq).orElseThrow();
        assertThat(entry.status()).isEqualTo(InboxStatus.PROCESSED);
        assertThat(entry.caseIds()).containsExactly("c-1", "c-2");
        assertThat(entry.detailJson()).isEqualTo("{\"ignored\":[\"Observation\"]}");
        assertThat(pending("ggz", 10)).isEmpty();
        assertThat(pendingCounts()).isEmpty();
    }

    @Test
    void aRepeatRecordsWhichMessageItRepeats() {
        long original = addToInbox("ggz", "b-1", "one");
        long repeat = addToInbox("ggz", "sha256:abc", "one");

        transactions.run(store -> {
            store.recordOutcome(repeat, InboxStatus.REJECTED, null, List.of(), original, MONDAY_MORNING);
            return null;
        });

        InboxEntry entry = entry(repeat).orElseThrow();
        assertThat(entry.duplicateOf()).isEqualTo(original);
        assertThat(entry.status()).isEqualTo(InboxStatus.REJECTED);
        assertThat(entry.caseIds()).isEmpty();
    }

    @Test
    void aRekeyedMessageIsFoundByItsNewKeyOnly() {
        long seq = addToInbox("ggz", "sha256:0123", "one");

        transactions.run(store -> {
            store.rekeyInboxEntry(seq, "bundle-7");
            return null;
        });

        assertThat(entry("ggz", "bundle-7")).map(InboxEntry::seq).contains(seq);
        assertThat(entry("ggz", "sha256:0123")).isEmpty();
    }

    @Test
    void theSameKeyTwiceForOnePartnerIsADuplicateKey() {
        addToInbox("ggz", "bundle-1", "one");

        assertThatThrownBy(() -> addToInbox("ggz", "bundle-1", "one again"))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.isDuplicateKey()).isTrue());
        assertThat(DATABASE.rowsIn("inbox")).isOne();
    }

    @Test
    void theFirstMessageWithABodyIsFoundByTheBodysHash() {
        long first = addToInbox("ggz", "b-1", "same body");
        addToInbox("ggz", "b-2", "same body");

        Optional<InboxEntry> found = transactions.run(store -> store.inboxEntryByBody("ggz", sha("same body")));

        assertThat(found).map(InboxEntry::seq).contains(first);
    }

    @Test
    void pendingMessagesAreCountedPerPartner() {
        addToInbox("ggz", "b-1", "one");
        addToInbox("ggz", "b-2", "two");
        addToInbox("mee", "m-1", "three");

        assertThat(pendingCounts()).containsExactly(Map.entry("ggz", 2L), Map.entry("mee", 1L));
    }

    // ---- what partners report ----

    @Test
    void aSignalReportedAgainUnderItsReferenceIsUpdatedNotAdded() {
        String caseId = newCase("y-1", "open");
        String first = transactions.run(store -> store.upsertSignal(caseId, "ggz",
                signal("S-1", "seen at the station", Urgency.NORMAL), MONDAY_MORNING));

        String second = transactions.run(store -> store.upsertSignal(caseId, "ggz",
                signal("S-1", "seen at the station, with an older man", Urgency.CRISIS), MONDAY_MORNING));

        assertThat(second).isEqualTo(first);
        assertThat(signalsOf(caseId)).singleElement().satisfies(recorded -> {
            assertThat(recorded.value().summary()).isEqualTo("seen at the station, with an older man");
            assertThat(recorded.value().urgency()).isEqualTo(Urgency.CRISIS);
        });
    }

    @Test
    void anotherPartnersSignalUnderTheSameReferenceIsAnotherSignal() {
        String caseId = newCase("y-1", "open");
        transactions.run(store -> store.upsertSignal(caseId, "ggz", signal("S-1", "one", Urgency.NORMAL),
                MONDAY_MORNING));

        transactions.run(store -> store.upsertSignal(caseId, "mee", signal("S-1", "two", Urgency.NORMAL),
                MONDAY_MORNING));

        assertThat(signalsOf(caseId)).extracting(Recorded::partnerId)
                .containsExactlyInAnyOrder("ggz", "mee");
    }

    @Test
    void aTrajectoryReportedAgainGetsItsEnding() {
        String caseId = newCase("y-1", "open");
        CareTrajectory running = new CareTrajectory("T-1", "ambulant", MARCH_3, null);
        String id = transactions.run(store -> store.upsertTrajectory(caseId, "ggz", running, MONDAY_MORNING));
        TrajectoryEnding ending = new TrajectoryEnding(MARCH_3.plusMonths(2), TrajectoryEnding.Kind.EARLY, "33");

        String again = transactions.run(store -> store.upsertTrajectory(caseId, "ggz",
                new CareTrajectory("T-1", "ambulant", MARCH_3, ending), MONDAY_MORNING));

        assertThat(again).isEqualTo(id);
        assertThat(trajectoriesOf(caseId)).singleElement()
                .extracting(recorded -> recorded.value().ending()).isEqualTo(ending);
    }

    @Test
    void aWithdrawnTrajectoryIsGone() {
        String caseId = newCase("y-1", "open");
        transactions.run(store -> store.upsertTrajectory(caseId, "ggz",
                new CareTrajectory("T-1", "ambulant", MARCH_3, null), MONDAY_MORNING));

        transactions.run(store -> {
            store.deleteTrajectory("ggz", "T-1");
            return null;
        });

        assertThat(trajectoriesOf(caseId)).isEmpty();
        assertThat(caseOfEntry(Store.EntryType.TRAJECTORY, "ggz", "T-1")).isEmpty();
    }

    @Test
    void aMeasureIsKeyedByPartnerReferenceAndKind() {
        String caseId = newCase("y-1", "open");
        Measure ots = new Measure("R-1", MeasureKind.OTS, MARCH_3, null);
        Measure closedCare = new Measure("R-1", MeasureKind.CLOSED_CARE_AUTHORISATION, MARCH_3, null);
        transactions.run(store -> store.upsertMeasure(caseId, "rvdk", ots, MONDAY_MORNING));
        transactions.run(store -> store.upsertMeasure(caseId, "rvdk", closedCare, MONDAY_MORNING));

        transactions.run(store -> store.upsertMeasure(caseId, "rvdk",
                new Measure("R-1", MeasureKind.OTS, MARCH_3, MARCH_3.plusYears(1)), MONDAY_MORNING));

        List<Recorded<Measure>> measures = transactions.run(store -> store.measuresOf(caseId));

        assertThat(measures).extracting(Recorded::value)
                .containsExactlyInAnyOrder(new Measure("R-1", MeasureKind.OTS, MARCH_3, MARCH_3.plusYears(1)),
                        closedCare);
    }

    @Test
    void theCaseThatHoldsAReferenceIsFound() {
        String caseId = newCase("y-1", "open");
        transactions.run(store -> store.upsertSignal(caseId, "ggz", signal("S-1", "one", Urgency.NORMAL),
                MONDAY_MORNING));

        assertThat(caseOfEntry(Store.EntryType.SIGNAL, "ggz", "S-1")).contains(caseId);
        assertThat(caseOfEntry(Store.EntryType.SIGNAL, "mee", "S-1")).isEmpty();
    }

    // ---- cases ----

    @Test
    void casesAreFilteredByStatus() {
        String open = newCase("y-1", "open");
        String closed = newCase("y-2", "closed");

        assertThat(caseIds("open", null)).containsExactly(open);
        assertThat(caseIds("closed", null)).containsExactly(closed);
        assertThat(caseIds(null, null)).containsExactlyInAnyOrder(open, closed);
    }

    @Test
    void casesAreFilteredByAnInvolvedPartner() {
        String ggzAndMee = newCase("y-1", "open");
        String meeOnly = newCase("y-2", "open");
        involve(ggzAndMee, "ggz");
        involve(ggzAndMee, "mee");
        involve(meeOnly, "mee");

        assertThat(caseIds(null, "ggz")).containsExactly(ggzAndMee);
        assertThat(caseIds(null, "mee")).containsExactlyInAnyOrder(ggzAndMee, meeOnly);
        assertThat(caseIds(null, "rvdk")).isEmpty();
        Set<String> partners = transactions.run(store -> store.partnersOf(ggzAndMee));
        assertThat(partners).containsExactly("ggz", "mee");
    }

    @Test
    void involvingAPartnerTwiceKeepsOneInvolvement() {
        String caseId = newCase("y-1", "open");
        involve(caseId, "ggz");

        involve(caseId, "ggz");

        assertThat(DATABASE.count("SELECT COUNT(*) FROM case_partner WHERE case_id = ?", caseId)).isOne();
    }

    @Test
    void theLatestCaseOfAYouthIsTheOneCreatedLast() {
        addYouth("y-1");
        addCase("c-old", "y-1", "closed", MONDAY_MORNING);
        addCase("c-new", "y-1", "open", MONDAY_MORNING.plusSeconds(3600));

        assertThat(caseOf(store -> store.latestCaseOf("y-1"))).map(CaseRecord::id).contains("c-new");
    }

    @Test
    void aCrisisMarkStaysOnTheCase() {
        String caseId = newCase("y-1", "open");

        transactions.run(store -> {
            store.markCrisis(caseId);
            store.markCrisis(caseId);
            return null;
        });

        assertThat(caseOf(store -> store.caseRecord(caseId))).map(CaseRecord::crisis).contains(true);
    }

    // ---- transactions ----

    @Test
    void aRolledBackTransactionLeavesNothing() {
        assertThatIllegalStateException().isThrownBy(() -> transactions.run(store -> {
            store.addYouth("y-1", null, null, "Noor", "Testdal", null, MONDAY_MORNING);
            store.addToInbox("ggz", "b-1", "hash", "text/plain", "UTF-8", new byte[] {1}, MONDAY_MORNING);
            throw new IllegalStateException("the work failed half way");
        }));

        assertThat(DATABASE.rowsIn("youth")).isZero();
        assertThat(DATABASE.rowsIn("inbox")).isZero();
    }

    @Test
    void aTransientFailureRunsTheWholeWorkAgain() {
        AtomicInteger attempts = new AtomicInteger();

        String result = transactions.run(store -> {
            store.addYouth("y-" + attempts.incrementAndGet(), null, null, "Noor", "Testdal", null, MONDAY_MORNING);
            if (attempts.get() == 1) {
                throw new StoreException("deadlock", new SQLException("deadlock", "40001"));
            }
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(DATABASE.column("SELECT id FROM youth")).containsExactly("y-2");
    }

    @Test
    void aFailureThatIsNotTransientIsNotRetried() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> transactions.run(store -> {
            attempts.incrementAndGet();
            throw new StoreException("broken", new SQLException("broken", "XJ001"));
        })).isInstanceOf(StoreException.class);
        assertThat(attempts).hasValue(1);
    }

    // ---- helpers ----

    private long addToInbox(String partnerId, String key, String body) {
        return transactions.run(store -> store.addToInbox(partnerId, key, sha(body), "application/fhir+json", "UTF-8",
                body.getBytes(StandardCharsets.UTF_8), MONDAY_MORNING));
    }

    /** Not a real hash: the store only needs equal bodies to give equal values. */
    private static String sha(String body) {
        return Integer.toHexString(body.hashCode());
    }

    private static Signal signal(String reference, String summary, Urgency urgency) {
        return new Signal(reference, SignalCategory.RUNAWAY, urgency, summary, MARCH_3);
    }

    private String newCase(String youthId, String status) {
        addYouth(youthId);
        String caseId = "c-" + youthId;
        addCase(caseId, youthId, status, MONDAY_MORNING);
        return caseId;
    }

    private void addYouth(String youthId) {
        transactions.run(store -> {
            store.addYouth(youthId, null, null, "Noor", "Testdal", LocalDate.of(2008, 5, 17), MONDAY_MORNING);
            return null;
        });
    }

    private void addCase(String caseId, String youthId, String status, Instant createdAt) {
        transactions.run(store -> {
            store.addCase(new CaseRecord(caseId, youthId, status, MARCH_3, false, null, null, null), createdAt);
            return null;
        });
    }

    private void involve(String caseId, String partnerId) {
        transactions.run(store -> {
            store.involvePartner(caseId, partnerId, MONDAY_MORNING);
            return null;
        });
    }

    private Optional<InboxEntry> entry(String partnerId, String key) {
        return transactions.run(store -> store.inboxEntry(partnerId, key));
    }

    private Optional<InboxEntry> entry(long seq) {
        return transactions.run(store -> store.inboxEntry(seq));
    }

    private List<Long> pending(String partnerId, int limit) {
        return transactions.run(store -> store.pendingInbox(partnerId, limit)).stream().map(InboxEntry::seq).toList();
    }

    private Map<String, Long> pendingCounts() {
        return transactions.run(Store::pendingInboxByPartner);
    }

    private List<Recorded<Signal>> signalsOf(String caseId) {
        return transactions.run(store -> store.signalsOf(caseId));
    }

    private List<Recorded<CareTrajectory>> trajectoriesOf(String caseId) {
        return transactions.run(store -> store.trajectoriesOf(caseId));
    }

    private Optional<String> caseOfEntry(Store.EntryType type, String partnerId, String reference) {
        return transactions.run(store -> store.caseOfEntry(type, partnerId, reference));
    }

    private Optional<CaseRecord> caseOf(Transactions.Work<Optional<CaseRecord>> read) {
        return transactions.run(read);
    }

    private List<String> caseIds(String status, String involvedPartner) {
        return transactions.run(store -> store.cases(status, involvedPartner)).stream().map(CaseRecord::id).toList();
    }
}
