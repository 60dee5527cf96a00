package nl.zorgtafel.core.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import nl.zorgtafel.core.internal.store.AuditStore.Row;
import nl.zorgtafel.core.internal.testing.StoryClock;
import nl.zorgtafel.core.internal.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuditTrailTest {

    @RegisterExtension
    static final TestDatabase DATABASE = new TestDatabase();

    private final StoryClock clock = new StoryClock(LocalDate.of(2026, 5, 11));
    private ExecutorService writer;
    private AuditTrail trail;

    @BeforeEach
    void start() {
        // the head row goes with the emptied tables; put it back as the migration left it
        DATABASE.update("INSERT INTO audit_head (id, last_seq, last_hash, anchor_seq, anchor_hash)"
                + " VALUES (1, 0, ?, 0, ?)", "0".repeat(64), "0".repeat(64));
        writer = Executors.newSingleThreadExecutor();
        trail = new AuditTrail(DATABASE.transactions(), clock, writer);
    }

    @AfterEach
    void stop() {
        writer.shutdownNow();
    }

    private AuditEvent event(String user, String caseId, String objectId) {
        return new AuditEvent(AuditTrail.newEventId(), clock.instant(), AuditEvent.Action.READ, "GET /cases/{id}",
                AuditEvent.Outcome.SUCCESS, 200, user, "ggz", "partner-ggz", "care-coordination", "AVG 6(1)(e)",
                caseId, null, null, objectId, "api", "127.0.0.1", null);
    }

    @Test
    void anUntouchedChainVerifies() {
        IntStream.range(0, 25).forEach(i -> trail.record(event("user" + i, null, null)));

        AuditTrail.Verification verification = trail.verify();

        assertThat(verification.valid()).isTrue();
        assertThat(verification.checkedRows()).isEqualTo(25);
        assertThat(verification.lastSeq()).isEqualTo(25);
    }

    @Test
    void alteringOneRecordBreaksTheChainAtThatRecord() {
        IntStream.range(0, 10).forEach(i -> trail.record(event("user" + i, null, null)));

        DATABASE.update("UPDATE audit_event SET user_name = 'someone-else' WHERE seq = 6");

        AuditTrail.Verification verification = trail.verify();
        assertThat(verification.valid()).isFalse();
        assertThat(verification.brokenAtSeq()).isEqualTo(6);
        assertThat(verification.problem()).contains("altered");
    }

    @Test
    void removingOrRechainingARecordIsFoundToo() {
        IntStream.range(0, 10).forEach(i -> trail.record(event("user" + i, null, null)));
        DATABASE.update("DELETE FROM audit_event WHERE seq = 4");

        assertThat(trail.verify().valid()).isFalse();
        assertThat(trail.verify().problem()).contains("missing");
    }

    @Test
    void removingTheNewestRecordsIsFoundByTheHead() {
        IntStream.range(0, 10).forEach(i -> trail.record(event("user" + i, null, null)));
        DATABASE.update("DELETE FROM audit_event WHERE seq > 8");

        assertThat(trail.verify().valid()).isFalse();
    }

    @Test
    void bsnLikeNumbersNeverReachTheTrail() {
        trail.record(event("999990019", "999990019", "bsn-999990019"));

        Row row = trail.search(new AuditTrail.Query(null, null, null, null, null, 10)).get(0);
        assertThat(row.userName()).isEqualTo("[bsn]");
        assertThat(row.caseId()).isEqualTo("[bsn]");
        assertThat(row.objectId()).isEqualTo("bsn-[bsn]");
        assertThat(trail.verify().valid()).isTrue();
    }

    @Test
    void retentionRemovesOldRecordsAndTheRestStillVerifies() {
        clock.moveTo(LocalDate.of(2020, 1, 1));
        IntStream.range(0, 5).forEach(i -> trail.record(event("old" + i, null, null)));
        clock.moveTo(LocalDate.of(2026, 5, 11));
        IntStream.range(0, 3).forEach(i -> trail.record(event("new" + i, null, null)));

        AuditTrail.Removal removal = trail.removeOlderThan(Instant.parse("2021-05-11T00:00:00Z"),
                new AuditEvent(AuditTrail.newEventId(), clock.instant(), AuditEvent.Action.RETENTION,
                        "retention: audit trail", AuditEvent.Outcome.SUCCESS, 0, "system:retention", null, "",
                        "retention", "AVG 5(1)(e)", null, null, null, null, "scheduler", "localhost", null));

        assertThat(removal.removed()).isEqualTo(5);
        assertThat(DATABASE.rowsIn("audit_event")).isEqualTo(4);
        AuditTrail.Verification verification = trail.verify();
        assertThat(verification.valid()).as(verification.problem()).isTrue();
        assertThat(verification.anchorSeq()).isEqualTo(5);
    }

    @Test
    void aForgedAnchorIsNotVouchedFor() {
        IntStream.range(0, 6).forEach(i -> trail.record(event("user" + i, null, null)));
        String hashOfThree = (String) DATABASE.single("SELECT hash FROM audit_event WHERE seq = 3");
        DATABASE.update("DELETE FROM audit_event WHERE seq <= 3");
        DATABASE.update("UPDATE audit_head SET anchor_seq = 3, anchor_hash = ?", hashOfThree);

        assertThat(trail.verify().valid()).isFalse();
        assertThat(trail.verify().problem()).contains("vouches");
    }
}
