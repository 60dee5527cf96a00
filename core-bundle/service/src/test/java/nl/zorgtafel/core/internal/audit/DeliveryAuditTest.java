package nl.zorgtafel.core.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.zorgtafel.core.internal.ApiHarness;
import nl.zorgtafel.core.internal.access.AuthorisationMatrixTest;
import nl.zorgtafel.core.internal.store.AuditStore.Row;
import nl.zorgtafel.core.internal.testing.RecordingAdapter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A notification delivered to a partner is a share: it is audited with its purpose and legal basis. */
class DeliveryAuditTest {

    @TempDir
    Path outbox;

    @Test
    void aDeliveredNotificationLeavesADiscloseRecordWithPurposeAndLegalBasis() throws Exception {
        try (ApiHarness api = new ApiHarness()) {
            Map<String, String> ggz = api.filePartner("ggz", outbox);
            api.core().adapters().arrived(RecordingAdapter.forPartner("ggz"), "test");
            api.post("/signals", ggz, AuthorisationMatrixTest.signal("999990019", "Sanne", "ggz-1"));
            // the police report about the same youth: GGZ is told of the match
            api.post("/signals", api.asPartner("politie"), AuthorisationMatrixTest.signal("999990019", "Sanne",
                    "pol-1"));

            await().atMost(Duration.ofSeconds(30)).until(() -> !disclosures(api).isEmpty());

            Row share = disclosures(api).get(0);
            assertThat(share.partnerId()).isEqualTo("ggz");
            assertThat(share.purpose()).isEqualTo("care-coordination");
            assertThat(share.legalBasis()).contains("AVG");
            assertThat(share.caseId()).isNotNull();
            assertThat(share.youthPseudonym()).hasSize(64);
            assertThat(share.channel()).isEqualTo("outbox");
            assertThat(api.core().audit().verify().valid()).isTrue();
        }
    }

    private static List<Row> disclosures(ApiHarness api) {
        return api.core().audit().search(new AuditTrail.Query(null, null, "system:outbox", null, null, 10));
    }
}
