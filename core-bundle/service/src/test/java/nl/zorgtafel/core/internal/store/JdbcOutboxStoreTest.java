package nl.zorgtafel.core.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import nl.zorgtafel.api.partner.Notification;
import nl.zorgtafel.core.internal.store.OutboxStore.OutboxEntry;
import nl.zorgtafel.core.internal.store.OutboxStore.Status;
import nl.zorgtafel.core.internal.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcOutboxStoreTest {

    @RegisterExtension
    static final TestDatabase DATABASE = new TestDatabase();

    private static final Instant MONDAY_MORNING = Instant.parse("2025-03-03T08:30:00Z");
    private static final Instant A_MINUTE_LATER = MONDAY_MORNING.plus(Duration.ofMinutes(1));
    private static final Instant AN_HOUR_LATER = MONDAY_MORNING.plus(Duration.ofHours(1));

    private final Transactions transactions = DATABASE.transactions();

    @Test
    void anAddedNotificationIsPendingAndDueAtOnce() {
        long seq = add("n-1", "ggz", "youth-noor");

        assertThat(deliverable("ggz", MONDAY_MORNING)).singleElement().satisfies(entry -> {
            assertThat(entry.seq()).isEqualTo(seq);
            assertThat(entry.notificationId()).isEqualTo("n-1");
            assertThat(entry.partnerId()).isEqualTo("ggz");
            assertThat(entry.kind()).isEqualTo(Notification.Kind.MATCH);
            assertThat(entry.caseId()).isEqualTo("case-of-youth-noor");
            assertThat(entry.youthId()).isEqualTo("youth-noor");
            assertThat(entry.summary()).isEqualTo("about youth-noor");
            assertThat(entry.agreementId()).isNull();
            assertThat(entry.createdAt()).isEqualTo(MONDAY_MORNING);
            assertThat(entry.status()).isEqualTo(Status.PENDING);
            assertThat(entry.attempts()).isZero();
            assertThat(entry.nextAttemptAt()).isEqualTo(MONDAY_MORNING);
            assertThat(entry.lastError()).isNull();
        });
    }

    @Test
    void anAgreementNotificationKeepsItsAgreementAndAMissingSummaryIsEmpty() {
        transactions.run(store -> store.outbox().addToOutbox("n-1", "ggz", Notification.Kind.AGREEMENT,
                "case-1", "youth-noor", null, "agreement-7", MONDAY_MORNING));

        assertThat(deliverable("ggz", MONDAY_MORNING)).singleElement().satisfies(entry -> {
            assertThat(entry.agreementId()).isEqualTo("agreement-7");
            assertThat(entry.summary()).isEmpty();
        });
    }

    @Test
    void theSameNotificationIdCannotBeAddedTwice() {
        add("n-1", "ggz", "youth-noor");

        assertThatThrownBy(() -> add("n-1", "mee", "youth-lia")).isInstanceOf(StoreException.class);
        assertThat(DATABASE.rowsIn("outbox")).isOne();
    }

    @Test
    void aPartnersDeliverableNotificationsAreItsOwnOldestFirst() {
        add("n-1", "ggz", "youth-noor");
        add("n-2", "mee", "youth-lia");
        add("n-3", "ggz", "youth-lia");

        assertThat(deliverable("ggz", MONDAY_MORNING)).extracting(OutboxEntry::notificationId)
                .containsExactly("n-1", "n-3");
        assertThat(deliverable("mee", MONDAY_MORNING)).extracting(OutboxEntry::notificationId)
                .containsExactly("n-2");
    }

    @Test
    void onlyAYouthsFirstPendingNotificationIsDeliverable() {
        long first = add("n-1", "ggz", "youth-noor");
        add("n-2", "ggz", "youth-noor");
        add("n-3", "ggz", "youth-lia");
        assertThat(deliverable("ggz", MONDAY_MORNING)).extracting(OutboxEntry::notificationId)
                .containsExactly("n-1", "n-3");

        run(store -> store.outbox().markDelivered(first, A_MINUTE_LATER));

        assertThat(deliverable("ggz", A_MINUTE_LATER)).extracting(OutboxEntry::notificationId)
                .containsExactly("n-2", "n-3");
    }

    @Test
    void atMostTheLimitIsDeliverableAtOnce() {
        add("n-1", "ggz", "youth-noor");
        add("n-2", "ggz", "youth-lia");
        add("n-3", "ggz", "youth-sem");

        List<OutboxEntry> deliverable = transactions.run(store -> store.outbox().deliverable("ggz", MONDAY_MORNING,
                2));

        assertThat(deliverable).extracting(OutboxEntry::notificationId).containsExactly("n-1", "n-2");
    }

    @Test
    void aYouthsOrderIsPerPartner() {
        add("n-1", "ggz", "youth-noor");
        add("n-2", "mee", "youth-noor");

        assertThat(deliverable("mee", MONDAY_MORNING)).extracting(OutboxEntry::notificationId)
                .containsExactly("n-2");
    }

    @Test
    void aFailedNotificationWaitsForItsNextAttemptAndHoldsBackItsYouthsLaterOnes() {
        long first = add("n-1", "ggz", "youth-noor");
        add("n-2", "ggz", "youth-noor");

        run(store -> store.outbox().markFailed(first, 1, AN_HOUR_LATER, "HTTP 503 from ggz.example", false));

        assertThat(deliverable("ggz", A_MINUTE_LATER)).isEmpty();
        assertThat(deliverable("ggz", AN_HOUR_LATER)).singleElement().satisfies(entry -> {
            assertThat(entry.notificationId()).isEqualTo("n-1");
            assertThat(entry.status()).isEqualTo(Status.PENDING);
            assertThat(entry.attempts()).isOne();
            assertThat(entry.lastError()).isEqualTo("HTTP 503 from ggz.example");
        });
    }

    @Test
    void aDeliveredNotificationIsNoLongerDeliverableAndLosesItsError() {
        long seq = add("n-1", "ggz", "youth-noor");
        run(store -> store.outbox().markFailed(seq, 1, MONDAY_MORNING, "HTTP 503 from ggz.example", false));

        run(store -> store.outbox().markDelivered(seq, A_MINUTE_LATER));

        assertThat(deliverable("ggz", AN_HOUR_LATER)).isEmpty();
        assertThat(DATABASE.single("SELECT status FROM outbox")).isEqualTo("DELIVERED");
        assertThat(DATABASE.single("SELECT last_error FROM outbox")).isNull();
        assertThat(lastErrors()).isEmpty();
    }

    @Test
    void aDeadLetterIsListedAndNoLongerHoldsBackItsYouth() {
        long first = add("n-1", "ggz", "youth-noor");
        add("n-2", "ggz", "youth-noor");

        run(store -> store.outbox().markFailed(first, 8, AN_HOUR_LATER, "HTTP 503 from ggz.example", true));

        assertThat(deliverable("ggz", AN_HOUR_LATER)).extracting(OutboxEntry::notificationId)
                .containsExactly("n-2");
        assertThat(deadLetters("ggz")).singleElement().satisfies(letter -> {
            assertThat(letter.notificationId()).isEqualTo("n-1");
            assertThat(letter.status()).isEqualTo(Status.DEAD);
            assertThat(letter.attempts()).isEqualTo(8);
            assertThat(letter.lastError()).isEqualTo("HTTP 503 from ggz.example");
        });
        assertThat(deadLetters("mee")).isEmpty();
    }

    @Test
    void aLongErrorIsCutTo500Characters() {
        long seq = add("n-1", "ggz", "youth-noor");

        run(store -> store.outbox().markFailed(seq, 1, A_MINUTE_LATER, "x".repeat(2_000), false));

        assertThat((String) DATABASE.single("SELECT last_error FROM outbox")).hasSize(500);
    }

    @Test
    void replayMakesAPartnersDeadLettersPendingAndDueAtOnceWithFreshAttempts() {
        long first = add("n-1", "ggz", "youth-noor");
        long second = add("n-2", "ggz", "youth-lia");
        long others = add("n-3", "mee", "youth-noor");
        for (long seq : List.of(first, second, others)) {
            run(store -> store.outbox().markFailed(seq, 8, MONDAY_MORNING, "HTTP 503 from partner", true));
        }

        int replayed = replay("ggz");

        assertThat(replayed).isEqualTo(2);
        assertThat(deadLetters("ggz")).isEmpty();
        assertThat(deliverable("ggz", A_MINUTE_LATER)).isEmpty();
        assertThat(deliverable("ggz", AN_HOUR_LATER)).extracting(OutboxEntry::notificationId, OutboxEntry::attempts)
                .containsExactly(tuple("n-1", 0),
                        tuple("n-2", 0));
        assertThat(deadLetters("mee")).extracting(OutboxEntry::notificationId).containsExactly("n-3");
    }

    @Test
    void replayWithoutDeadLettersReplaysNothing() {
        add("n-1", "ggz", "youth-noor");

        assertThat(replay("ggz")).isZero();
        assertThat(replay("nobody")).isZero();
    }

    @Test
    void notificationsAreCountedPerPartnerAndStatus() {
        add("n-1", "ggz", "youth-noor");
        add("n-2", "ggz", "youth-lia");
        long dead = add("n-3", "ggz", "youth-sem");
        long delivered = add("n-4", "mee", "youth-noor");
        run(store -> store.outbox().markFailed(dead, 8, MONDAY_MORNING, "HTTP 503 from ggz.example", true));
        run(store -> store.outbox().markDelivered(delivered, A_MINUTE_LATER));

        assertThat(counts(Status.PENDING)).containsOnly(entry("ggz", 2L));
        assertThat(counts(Status.DEAD)).containsOnly(entry("ggz", 1L));
        assertThat(counts(Status.DELIVERED)).containsOnly(entry("mee", 1L));
    }

    @Test
    void thePartnersLastErrorIsThatOfItsLatestUndeliveredNotification() {
        long older = add("n-1", "ggz", "youth-noor");
        long newer = add("n-2", "ggz", "youth-lia");
        long mees = add("n-3", "mee", "youth-noor");
        run(store -> store.outbox().markFailed(older, 8, MONDAY_MORNING, "HTTP 500 from ggz.example", true));
        run(store -> store.outbox().markFailed(newer, 1, MONDAY_MORNING, "HTTP 503 from ggz.example", false));
        run(store -> store.outbox().markFailed(mees, 1, MONDAY_MORNING, "AccessDeniedException writing", false));

        assertThat(lastErrors()).containsOnly(entry("ggz", "HTTP 503 from ggz.example"),
                entry("mee", "AccessDeniedException writing"));

        run(store -> store.outbox().markDelivered(newer, A_MINUTE_LATER));

        assertThat(lastErrors()).containsEntry("ggz", "HTTP 500 from ggz.example");
    }

    private long add(String notificationId, String partnerId, String youthId) {
        return transactions.run(store -> store.outbox().addToOutbox(notificationId, partnerId,
                Notification.Kind.MATCH, "case-of-" + youthId, youthId, "about " + youthId, null, MONDAY_MORNING));
    }

    private List<OutboxEntry> deliverable(String partnerId, Instant now) {
        return transactions.run(store -> store.outbox().deliverable(partnerId, now, 50));
    }

    private int replay(String partnerId) {
        return transactions.run(store -> store.outbox().replayDeadLetters(partnerId, AN_HOUR_LATER));
    }

    private List<OutboxEntry> deadLetters(String partnerId) {
        return transactions.run(store -> store.outbox().deadLetters(partnerId));
    }

    private Map<String, Long> counts(Status status) {
        return transactions.run(store -> store.outbox().outboxCountByPartner(status));
    }

    private Map<String, String> lastErrors() {
        return transactions.run(store -> store.outbox().lastOutboxErrorByPartner());
    }

    private void run(Consumer<Store> work) {
        transactions.run(store -> {
            work.accept(store);
            return null;
        });
    }
}
