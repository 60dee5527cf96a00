package nl.zorgtafel.core.internal.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import nl.zorgtafel.api.partner.Notification;
import nl.zorgtafel.core.internal.inbox.AdapterRegistry;
import nl.zorgtafel.core.internal.operations.PartnerOverview.PartnerState;
import nl.zorgtafel.core.internal.partners.PartnerDirectory;
import nl.zorgtafel.core.internal.partners.PartnerSettings;
import nl.zorgtafel.core.internal.store.Transactions;
import nl.zorgtafel.core.internal.testing.RecordingAdapter;
import nl.zorgtafel.core.internal.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PartnerOverviewTest {

    @RegisterExtension
    static final TestDatabase DATABASE = new TestDatabase();

    private static final Instant MONDAY_MORNING = Instant.parse("2025-03-03T08:30:00Z");

    private final Transactions transactions = DATABASE.transactions();
    private final AdapterRegistry adapters = new AdapterRegistry();
    private final PartnerDirectory partners = new PartnerDirectory();
    private final PartnerOverview overview = new PartnerOverview(transactions, adapters, partners);

    @Test
    void aConfiguredPartnerWithoutAdapterOrMessagesIsAbsentAndHasNothingWaiting() {
        partners.configured(new PartnerSettings("ggz", "", "http://ggz.example/fhir", "", true));

        assertThat(overview.all()).containsExactly(new PartnerState("ggz", false, null, 0, 0, 0, null, true, 0));
    }

    @Test
    void anAdapterWithoutConfigurationIsActiveWithItsVersionAndNotConfigured() {
        adapters.arrived(RecordingAdapter.forPartner("horizon"), "1.2.0");

        assertThat(overview.all()).containsExactly(new PartnerState("horizon", true, "1.2.0", 0, 0, 0, null, false, 0));
    }

    @Test
    void aDepartedAdapterIsAbsentAgainAndHasNoVersion() {
        partners.configured(new PartnerSettings("ggz", "", "http://ggz.example/fhir", "", true));
        RecordingAdapter adapter = RecordingAdapter.forPartner("ggz");
        adapters.arrived(adapter, "1.2.0");

        adapters.departed(adapter);

        assertThat(overview.all()).singleElement().satisfies(state -> {
            assertThat(state.adapterActive()).isFalse();
            assertThat(state.adapterVersion()).isNull();
        });
    }

    @Test
    void aPartnerKnownOnlyByWhatWaitsForItIsListedToo() {
        addToInbox("rvdk", "r-1");
        addToOutbox("n-1", "politie", "youth-noor");

        assertThat(overview.all()).containsExactly(
                new PartnerState("politie", false, null, 0, 1, 0, null, false, 0),
                new PartnerState("rvdk", false, null, 1, 0, 0, null, false, 0));
    }

    @Test
    void eachPartnersInboxOutboxDeliveredAndDeadLettersAreCountedWithItsLastError() {
        partners.configured(new PartnerSettings("ggz", "", "http://ggz.example/fhir", "", true));
        partners.configured(new PartnerSettings("mee", "", "", "/srv/mee/out", true));
        addToInbox("ggz", "b-1");
        addToInbox("ggz", "b-2");
        addToOutbox("n-1", "ggz", "youth-noor");
        long dead = addToOutbox("n-2", "ggz", "youth-lia");
        long delivered = addToOutbox("n-3", "ggz", "youth-sem");
        addToOutbox("n-4", "mee", "youth-noor");
        transactions.run(store -> {
            store.outbox().markFailed(dead, 8, MONDAY_MORNING, "HTTP 503 from ggz.example", true);
            store.outbox().markDelivered(delivered, MONDAY_MORNING);
            return null;
        });

        assertThat(overview.all()).containsExactly(
                new PartnerState("ggz", false, null, 2, 1, 1, "HTTP 503 from ggz.example", true, 1),
                new PartnerState("mee", false, null, 0, 1, 0, null, true, 0));
    }

    @Test
    void partnersAreListedByIdWhereverTheyAreKnownFrom() {
        partners.configured(new PartnerSettings("mee", "", "", "/srv/mee/out", true));
        adapters.arrived(RecordingAdapter.forPartner("horizon"));
        addToOutbox("n-1", "politie", "youth-noor");
        addToInbox("ggz", "b-1");

        assertThat(overview.all()).extracting(PartnerState::partnerId)
                .containsExactly("ggz", "horizon", "mee", "politie");
    }

    private void addToInbox(String partnerId, String key) {
        transactions.run(store -> store.addToInbox(partnerId, key, "sha-of-" + key, "application/fhir+json",
                "UTF-8", key.getBytes(StandardCharsets.UTF_8), MONDAY_MORNING));
    }

    private long addToOutbox(String notificationId, String partnerId, String youthId) {
        return transactions.run(store -> store.outbox().addToOutbox(notificationId, partnerId,
                Notification.Kind.MATCH, "case-of-" + youthId, youthId, "about " + youthId, null, MONDAY_MORNING));
    }
}
