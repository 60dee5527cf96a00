package nl.zorgtafel.partner.ggz.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.zorgtafel.api.model.Agreement;
import nl.zorgtafel.api.partner.Notification;
import nl.zorgtafel.api.partner.RenderedMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FhirOutboundTest {

    private static final Instant CREATED = Instant.parse("2024-03-05T10:15:30Z");
    private static final LocalDate BORN = LocalDate.of(2008, 4, 12);

    private final FhirOutbound outbound = new FhirOutbound(GgzAdapter.PARTNER_ID);
    private final ObjectMapper mapper = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(value = Notification.Kind.class, names = {"MATCH", "CRISIS_SIGNAL", "AGENDA"})
    void everyNotificationBecomesACompletedCommunication(Notification.Kind kind) throws IOException {
        Notification notification = notification(kind, "Zorgen over school", null);

        List<RenderedMessage> rendered = outbound.render(notification);

        assertThat(rendered).singleElement().satisfies(message -> {
            assertThat(message.mediaType()).isEqualTo("application/fhir+json");
            assertThat(message.target()).isEqualTo("/Communication");
        });
        JsonNode communication = json(rendered.get(0));
        assertThat(communication.path("resourceType").asText()).isEqualTo("Communication");
        assertThat(communication.path("status").asText()).isEqualTo("completed");
        assertThat(communication.at("/identifier/0/system").asText()).isEqualTo(FhirOutbound.NOTIFICATION_SYSTEM);
        assertThat(communication.at("/identifier/0/value").asText()).isEqualTo("n-" + kind.code());
        assertThat(communication.at("/category/0/coding/0/code").asText()).isEqualTo(kind.code());
        assertThat(communication.at("/subject/display").asText()).isEqualTo("Sanne Bakker");
        assertThat(communication.at("/subject/extension/0/valueDate").asText()).isEqualTo("2008-04-12");
        assertThat(communication.at("/about/0/identifier/value").asText()).isEqualTo("case-42");
        assertThat(communication.path("sent").asText()).isEqualTo("2024-03-05T10:15:30Z");
        assertThat(communication.at("/payload/0/contentString").asText()).isEqualTo("Zorgen over school");
    }

    @Test
    void crisisSignalIsUrgent() throws IOException {
        JsonNode communication = json(outbound.render(notification(Notification.Kind.CRISIS_SIGNAL, "", null)).get(0));

        assertThat(communication.path("priority").asText()).isEqualTo("urgent");
    }

    @Test
    void emptySummaryIsReplacedByWhatTheKindMeans() throws IOException {
        JsonNode communication = json(outbound.render(notification(Notification.Kind.AGENDA, "", null)).get(0));

        assertThat(communication.at("/payload/0/contentString").asText()).isNotBlank();
    }

    @Test
    void agreementThatGgzOwnsAlsoBecomesARequestedTask() throws IOException {
        Agreement agreement = agreement("ggz", Agreement.Status.OPEN);

        List<RenderedMessage> rendered = outbound.render(notification(Notification.Kind.AGREEMENT, "Afspraak", agreement));

        assertThat(rendered).extracting(RenderedMessage::target).containsExactly("/Communication", "/Task");
        JsonNode task = json(rendered.get(1));
        assertThat(task.path("resourceType").asText()).isEqualTo("Task");
        assertThat(task.path("status").asText()).isEqualTo("requested");
        assertThat(task.path("intent").asText()).isEqualTo("order");
        assertThat(task.path("description").asText()).isEqualTo("Intake plannen");
        assertThat(task.at("/restriction/period/end").asText()).isEqualTo("2024-03-19");
        assertThat(task.at("/owner/display").asText()).isEqualTo("ggz");
        assertThat(task.at("/identifier/0/system").asText()).isEqualTo(FhirOutbound.AGREEMENT_SYSTEM);
        assertThat(task.at("/identifier/0/value").asText()).isEqualTo("agreement-7");
        assertThat(task.at("/focus/identifier/value").asText()).isEqualTo("case-42");
        assertThat(task.at("/for/display").asText()).isEqualTo("Sanne Bakker");
    }

    @Test
    void agreementThatGgzHasDoneIsACompletedTask() throws IOException {
        Agreement agreement = agreement("ggz", Agreement.Status.DONE);

        List<RenderedMessage> rendered = outbound.render(notification(Notification.Kind.AGREEMENT, "Klaar", agreement));

        assertThat(json(rendered.get(1)).path("status").asText()).isEqualTo("completed");
    }

    @Test
    void agreementOwnedByAnotherPartnerIsOnlyCommunicated() {
        Agreement agreement = agreement("rvdk", Agreement.Status.OPEN);

        List<RenderedMessage> rendered = outbound.render(notification(Notification.Kind.AGREEMENT, "Afspraak", agreement));

        assertThat(rendered).extracting(RenderedMessage::target).containsExactly("/Communication");
    }

    @Test
    void youthWithoutKnownNameOrBirthDateIsLeftUndescribedRatherThanInvented() throws IOException {
        Notification notification = new Notification("n-1", Notification.Kind.MATCH, "case-42", null, null,
                "Match", CREATED, null);

        JsonNode subject = json(outbound.render(notification).get(0)).path("subject");

        assertThat(subject.has("display")).isFalse();
        assertThat(subject.has("extension")).isFalse();
    }

    @Test
    void noBsnSystemEverAppears() {
        Notification notification = notification(Notification.Kind.AGREEMENT, "Afspraak", agreement("ggz",
                Agreement.Status.OPEN));

        assertThat(outbound.render(notification))
                .allSatisfy(message -> assertThat(new String(message.body(), StandardCharsets.UTF_8))
                        .doesNotContain(PatientReader.BSN_SYSTEM));
    }

    private static Notification notification(Notification.Kind kind, String summary, Agreement agreement) {
        return new Notification("n-" + kind.code(), kind, "case-42", "Sanne Bakker", BORN, summary, CREATED,
                agreement);
    }

    private static Agreement agreement(String owner, Agreement.Status status) {
        return new Agreement("agreement-7", "case-42", "Intake plannen", owner, LocalDate.of(2024, 3, 19), status);
    }

    private JsonNode json(RenderedMessage message) throws IOException {
        return mapper.readTree(message.body());
    }
}
