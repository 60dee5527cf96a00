package ${package}.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.zorgtafel.api.model.Agreement;
import nl.zorgtafel.api.partner.Notification;
import nl.zorgtafel.api.partner.RenderedMessage;
import org.junit.jupiter.api.Test;

/** What the partner receives: the suite checks that something renders, this test checks what. */
class ${classPrefix}OutboundTest {

    private final ${classPrefix}Outbound outbound = new ${classPrefix}Outbound();

    @Test
    void crisisSignalRendersAsOneCanonicalJsonMessageForTheDestinationItself() {
        Notification crisis = new Notification("n-17", Notification.Kind.CRISIS_SIGNAL, "case-5", "Noor Visser",
                LocalDate.of(2009, 2, 14), "Gevonden in een woning aan de Maasboulevard",
                Instant.parse("2024-06-01T22:40:00Z"), null);

        List<RenderedMessage> rendered = outbound.render(crisis);

        assertThat(rendered).singleElement().satisfies(message -> {
            assertThat(message.mediaType()).isEqualTo("application/json");
            assertThat(message.target()).isEmpty();
            assertThat(new String(message.body(), StandardCharsets.UTF_8)).isEqualTo("{"
                    + "\"notificationId\":\"n-17\",\"kind\":\"crisis-signal\",\"caseId\":\"case-5\","
                    + "\"youth\":{\"displayName\":\"Noor Visser\",\"birthDate\":\"2009-02-14\"},"
                    + "\"summary\":\"Gevonden in een woning aan de Maasboulevard\","
                    + "\"createdAt\":\"2024-06-01T22:40:00Z\"}");
        });
    }

    @Test
    void agreementNotificationCarriesTheAgreement() {
        Agreement agreement = new Agreement("a-3", "case-5", "Huisbezoek met de jeugdige", "${partnerId}",
                LocalDate.of(2024, 6, 14), Agreement.Status.OPEN);
        Notification notification = new Notification("n-18", Notification.Kind.AGREEMENT, "case-5", "Noor Visser",
                LocalDate.of(2009, 2, 14), "Afspraak", Instant.parse("2024-06-03T09:00:00Z"), agreement);

        String body = new String(outbound.render(notification).get(0).body(), StandardCharsets.UTF_8);

        assertThat(body).contains("\"agreement\":{\"id\":\"a-3\",\"description\":\"Huisbezoek met de jeugdige\","
                + "\"ownerPartner\":\"${partnerId}\",\"dueDate\":\"2024-06-14\",\"status\":\"open\"}");
    }
}
