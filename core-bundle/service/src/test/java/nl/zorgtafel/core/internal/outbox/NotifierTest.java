package nl.zorgtafel.core.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.zorgtafel.api.model.Signal;
import nl.zorgtafel.api.model.SignalCategory;
import nl.zorgtafel.api.model.Urgency;
import nl.zorgtafel.api.model.YouthIdentity;
import nl.zorgtafel.api.partner.PartnerEvent;
import nl.zorgtafel.core.internal.cases.EventApplier;
import nl.zorgtafel.core.internal.cases.EventApplier.Placed;
import nl.zorgtafel.core.internal.cases.YouthMatcher;
import nl.zorgtafel.core.internal.crypto.Cipher;
import nl.zorgtafel.core.internal.crypto.KeyRing;
import nl.zorgtafel.core.internal.crypto.Pseudonymizer;
import nl.zorgtafel.core.internal.store.Transactions;
import nl.zorgtafel.core.internal.testing.StoryClock;
import nl.zorgtafel.core.internal.testing.TestBsns;
import nl.zorgtafel.core.internal.testing.TestDatabase;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who is told what, as partners' reports are applied: the notifications the event applier
 * writes to the outbox, in the same transaction as the change, read back as rows.
 */
class NotifierTest {

    @RegisterExtension
    static final TestDatabase DATABASE = new TestDatabase();

    private static final LocalDate SEEN_AT_THE_STATION = LocalDate.of(2024, 3, 4);
    private static final String NOORS_BSN = TestBsns.digits("999990019");

    private final KeyRing keys = KeyRing.generate();
    private final StoryClock clock = new StoryClock(SEEN_AT_THE_STATION);
    private final EventApplier applier = new EventApplier(
            new YouthMatcher(new Pseudonymizer(keys), new Cipher(keys)), clock, new Notifier());
    private final Transactions transactions = DATABASE.transactions();

    private final YouthIdentity noor = new YouthIdentity(TestBsns.bsn(NOORS_BSN), "Noor", "Testdal",
            LocalDate.of(2008, 5, 17));

    @Test
    void aCrisisSignalFromThePoliceIsOneCrisisNotificationForTheCrisisTeam() {
        Placed placed = report("politie", crisis("POL-1", "Found at night at an address known to the police."));

        assertThat(notifications()).containsExactly(tuple("jbrr", "CRISIS_SIGNAL"));
        assertThat(DATABASE.single("SELECT case_id FROM outbox")).isEqualTo(placed.caseId());
        assertThat(DATABASE.single("SELECT youth_id FROM outbox")).isEqualTo(placed.youthId());
        assertThat(DATABASE.single("SELECT summary FROM outbox")).isEqualTo("Crisis signal from politie (runaway, "
                + "observed 2024-03-04): Found at night at an address known to the police.");
    }

    @Test
    void aCrisisSignalFromTheCrisisTeamItselfIsNotSentBackToIt() {
        report("jbrr", crisis("JBRR-1", "Picked up at the station."));

        assertThat(notifications()).isEmpty();
    }

    @Test
    void aSignalWithoutCrisisTellsNobodyWhileOnlyOnePartnerKnowsTheYouth() {
        report("politie", normal("POL-1", "Seen at the station."));

        assertThat(notifications()).isEmpty();
    }

    @Test
    void theSameCrisisSignalReportedAgainIsNotSentAgain() {
        report("politie", crisis("POL-1", "Found at night at an address known to the police."));

        report("politie", crisis("POL-1", "Found at night; now also: will not go home."));

        assertThat(notifications()).containsExactly(tuple("jbrr", "CRISIS_SIGNAL"));
    }

    @Test
    void aCrisisSignalAboutAYouthWhoseCaseIsOpenTellsTheCrisisTeam() {
        Placed known = report("politie", normal("POL-1", "Seen at the station."));

        Placed crisis = report("politie", crisis("POL-2", "Found at night at an address known to the police."));

        assertThat(crisis.caseId()).isEqualTo(known.caseId());
        assertThat(notifications()).containsExactly(tuple("jbrr", "CRISIS_SIGNAL"));
    }

    @Test
    void aSignalReportedAgainInCrisisTellsTheCrisisTeamAtOnce() {
        report("politie", normal("POL-1", "Seen at the station."));

        report("politie", crisis("POL-1", "Seen at the station; now will not go home."));

        assertThat(notifications()).containsExactly(tuple("jbrr", "CRISIS_SIGNAL"));
        assertThat(DATABASE.single("SELECT summary FROM outbox")).isEqualTo("Crisis signal from politie (runaway, "
                + "observed 2024-03-04): Seen at the station; now will not go home.");
    }

    @Test
    void anEscalatedSignalReportedAgainIsNotSentAgain() {
        report("politie", normal("POL-1", "Seen at the station."));
        report("politie", crisis("POL-1", "Seen at the station; now will not go home."));

        report("politie", crisis("POL-1", "Seen at the station; now will not go home."));
        report("politie", normal("POL-1", "Went home after all."));
        report("politie", crisis("POL-1", "Ran away again."));

        assertThat(notifications()).containsExactly(tuple("jbrr", "CRISIS_SIGNAL"));
    }

    @Test
    void aSignalTheCrisisTeamEscalatesItselfIsNotSentBackToIt() {
        report("jbrr", normal("JBRR-1", "Picked up at the station."));

        report("jbrr", crisis("JBRR-1", "Picked up at the station; no safe place tonight."));

        assertThat(notifications()).isEmpty();
    }

    @Test
    void aSecondPartnerReportingAboutTheYouthTellsTheFirstAndTheNewcomer() {
        Placed first = report("politie", normal("POL-1", "Seen at the station."));

        report("ggz", normal("GGZ-1", "Missed two appointments."));

        assertThat(notifications()).containsExactlyInAnyOrder(tuple("politie", "MATCH"), tuple("ggz", "MATCH"));
        assertThat(summaries()).containsOnly(
                Map.entry("politie", "Partner ggz now also reports about this youth."),
                Map.entry("ggz", "This youth is known to the table already, through politie."));
        assertThat(DATABASE.column("SELECT DISTINCT case_id FROM outbox")).containsExactly(first.caseId());
    }

    @Test
    void aThirdPartnerTellsEveryPartnerBeforeIt() {
        policeAndGgzKnowNoorAlready();

        report("mee", normal("MEE-1", "Left the day programme."));

        assertThat(notifications()).containsExactlyInAnyOrder(tuple("politie", "MATCH"), tuple("ggz", "MATCH"),
                tuple("mee", "MATCH"));
        assertThat(summaries()).containsEntry("mee",
                "This youth is known to the table already, through ggz, politie.");
    }

    @Test
    void aPartnerReportingAgainAboutAYouthItKnowsTellsNobody() {
        policeAndGgzKnowNoorAlready();

        report("politie", normal("POL-2", "Seen at the station again."));

        assertThat(notifications()).isEmpty();
    }

    @Test
    void aJoiningPartnersCrisisSignalIsAMatchForEachAndACrisisForTheTeam() {
        report("politie", normal("POL-1", "Seen at the station."));

        report("ggz", crisis("GGZ-1", "Threatened to run away tonight."));

        assertThat(notifications()).containsExactlyInAnyOrder(tuple("politie", "MATCH"), tuple("ggz", "MATCH"),
                tuple("jbrr", "CRISIS_SIGNAL"));
    }

    @Test
    void noNotificationCarriesTheYouthsBsn() {
        report("politie", crisis("POL-1", "Found at night at an address known to the police."));
        report("ggz", normal("GGZ-1", "Missed two appointments."));
        report("mee", crisis("MEE-1", "Left the day programme with an older man."));

        List<Object> everyValue = DATABASE.column("SELECT notification_id || '|' || partner_id || '|' || kind"
                + " || '|' || case_id || '|' || youth_id || '|' || summary FROM outbox");
        assertThat(everyValue).hasSize(7).noneMatch(row -> row.toString().contains(NOORS_BSN));
    }

    /** The police and GGZ reported about Noor, and were told of each other. */
    private void policeAndGgzKnowNoorAlready() {
        report("politie", normal("POL-1", "Seen at the station."));
        report("ggz", normal("GGZ-1", "Missed two appointments."));
        DATABASE.update("DELETE FROM outbox");
    }

    private Placed report(String partnerId, Signal signal) {
        return transactions.run(store -> applier.apply(store, partnerId,
                List.of(new PartnerEvent.SignalReported(noor, signal)))).placed().get(0);
    }

    private static Signal crisis(String reference, String summary) {
        return new Signal(reference, SignalCategory.RUNAWAY, Urgency.CRISIS, summary, SEEN_AT_THE_STATION);
    }

    private static Signal normal(String reference, String summary) {
        return new Signal(reference, SignalCategory.RUNAWAY, Urgency.NORMAL, summary, SEEN_AT_THE_STATION);
    }

    /** Each notification in the outbox as (partner, kind), in the order written. */
    private static List<Tuple> notifications() {
        return DATABASE.column("SELECT partner_id || ' ' || kind FROM outbox ORDER BY seq").stream()
                .map(row -> row.toString().split(" "))
                .map(fields -> tuple(fields[0], fields[1]))
                .toList();
    }

    /** The summary of the notification to each partner. */
    private static Map<String, String> summaries() {
        return DATABASE.column("SELECT partner_id || '|' || summary FROM outbox").stream()
                .map(row -> row.toString().split("\\|", 2))
                .collect(Collectors.toMap(fields -> fields[0], fields -> fields[1]));
    }
}
