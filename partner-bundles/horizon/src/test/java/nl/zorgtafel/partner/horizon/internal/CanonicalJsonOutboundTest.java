package nl.zorgtafel.partner.horizon.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.zorgtafel.api.model.Agreement;
import nl.zorgtafel.api.partner.Notification;
import nl.zorgtafel.api.partner.RenderedMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CanonicalJsonOutboundTest {

    private static final Instant CREATED = Instant.parse("2015-05-27T14:05:00Z");

    private final CanonicalJsonOutbound outbound = new CanonicalJsonOutbound();
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void notificationIsOneJsonMessageForTheConfiguredUrl() {
        List<RenderedMessage> rendered = outbound.render(crisisSignal());

        assertThat(rendered).singleElement().satisfies(message -> {
            assertThat(message.mediaType()).isEqualTo("application/json");
            assertThat(message.target()).isEmpty();
        });
    }

    @Test
    void notificationIsTheCanonicalJsonOfTheContract() throws Exception {
        JsonNode json = json(crisisSignal());

        assertThat(json).isEqualTo(mapper.readTree("""
                {"notificationId": "n-2015-0527-3", "kind": "crisis-signal", "caseId": "case-rtm-0042",
                 "youth": {"displayName": "Lisa de Vries", "birthDate": "1997-11-03"},
                 "summary": "Jeugdige aangetroffen in een bordeel", "createdAt": "2015-05-27T14:05:00Z"}"""));
    }

    @Test
    void agreementNotificationCarriesTheAgreement() throws Exception {
        Agreement agreement = new Agreement("a-12", "case-rtm-0042", "Plaatsing in gesloten jeugdhulp evalueren",
                "horizon", LocalDate.of(2015, 6, 8), Agreement.Status.OPEN);
        Notification notification = new Notification("n-2015-0601-1", Notification.Kind.AGREEMENT, "case-rtm-0042",
                "Lisa de Vries", LocalDate.of(1997, 11, 3), "Afspraak voor Horizon", CREATED, agreement);

        JsonNode json = json(notification);

        assertThat(json.get("kind").asText()).isEqualTo("agreement");
        assertThat(json.get("agreement")).isEqualTo(mapper.readTree("""
                {"id": "a-12", "description": "Plaatsing in gesloten jeugdhulp evalueren", "ownerPartner": "horizon",
                 "dueDate": "2015-06-08", "status": "open"}"""));
    }

    @ParameterizedTest
    @EnumSource(value = Notification.Kind.class, names = "AGREEMENT", mode = EnumSource.Mode.EXCLUDE)
    void otherKindsCarryTheirCodeAndNoAgreement(Notification.Kind kind) throws Exception {
        Notification notification = new Notification("n-1", kind, "case-1", "Lisa de Vries", null, "", CREATED, null);

        JsonNode json = json(notification);

        assertThat(json.get("kind").asText()).isEqualTo(kind.code());
        assertThat(json.has("agreement")).isFalse();
    }

    @Test
    void whatTheNotificationDoesNotKnowIsNull() throws Exception {
        Notification notification = new Notification("n-2", Notification.Kind.MATCH, "case-2", null, null, null,
                CREATED, null);

        JsonNode youth = json(notification).get("youth");

        assertThat(youth.get("displayName").isNull()).isTrue();
        assertThat(youth.get("birthDate").isNull()).isTrue();
    }

    @Test
    void textIsEscapedAsJsonString() throws Exception {
        String summary = "\"vriend\" zegt: {\"bsn\": 1}\n\\ <script>";
        Notification notification = new Notification("n-3", Notification.Kind.MATCH, "case-3", "Lisa de Vries",
                null, summary, CREATED, null);

        assertThat(json(notification).get("summary").asText()).isEqualTo(summary);
        assertThat(json(notification).has("bsn")).isFalse();
    }

    private JsonNode json(Notification notification) throws Exception {
        return mapper.readTree(outbound.render(notification).get(0).body());
    }

    private static Notification crisisSignal() {
        return new Notification("n-2015-0527-3", Notification.Kind.CRISIS_SIGNAL, "case-rtm-0042", "Lisa de Vries",
                LocalDate.of(1997, 11, 3), "Jeugdige aangetroffen in een bordeel", CREATED, null);
    }
}
