package nl.zorgtafel.partner.jbrr.internal;

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

class CanonicalOutboundTest {

    private static final Instant CREATED = Instant.parse("2015-05-27T10:15:30Z");

    private final CanonicalOutbound outbound = new CanonicalOutbound();
    private final ObjectMapper mapper = new ObjectMapper();

    private RenderedMessage renderedOnce(Notification notification) {
        List<RenderedMessage> rendered = outbound.render(notification);
        assertThat(rendered).hasSize(1);
        return rendered.get(0);
    }

    private JsonNode json(Notification notification) throws Exception {
        return mapper.readTree(renderedOnce(notification).body());
    }

    private static Notification crisisAboutLisa() {
        return new Notification("n-77", Notification.Kind.CRISIS_SIGNAL, "case-rtm-0007", "Lisa de Vries",
                LocalDate.of(1997, 11, 3), "Crisissignaal van GGZ: prostitutie", CREATED, null);
    }

    @Test
    void notificationIsOneJsonMessageToTheDestinationItself() {
        RenderedMessage message = renderedOnce(crisisAboutLisa());

        assertThat(message.mediaType()).isEqualTo("application/json");
        assertThat(message.target()).isEmpty();
    }

    @Test
    void crisisSignalIsTheCanonicalJsonOfTheContract() throws Exception {
        assertThat(json(crisisAboutLisa())).isEqualTo(mapper.readTree("""
                {"notificationId": "n-77", "kind": "crisis-signal", "caseId": "case-rtm-0007",
                 "youth": {"displayName": "Lisa de Vries", "birthDate": "1997-11-03"},
                 "summary": "Crisissignaal van GGZ: prostitutie", "createdAt": "2015-05-27T10:15:30Z"}"""));
    }

    @Test
    void eachKindIsWrittenByItsCode() throws Exception {
        for (Notification.Kind kind : List.of(Notification.Kind.MATCH, Notification.Kind.AGENDA)) {
            Notification notification = new Notification("n-1", kind, "c", "Lisa de Vries", null, "", CREATED, null);

            assertThat(json(notification).get("kind").asText()).isEqualTo(kind.code());
        }
    }

    @Test
    void agreementCarriesItsAgreement() throws Exception {
        Agreement agreement = new Agreement("a-17", "case-rtm-0007", "Spoedmachtiging aanvragen", "jbrr",
                LocalDate.of(2015, 5, 28), Agreement.Status.OPEN);
        Notification notification = new Notification("n-78", Notification.Kind.AGREEMENT, "case-rtm-0007",
                "Lisa de Vries", LocalDate.of(1997, 11, 3), "Afspraak voor JBRR", CREATED, agreement);

        assertThat(json(notification).get("agreement")).isEqualTo(mapper.readTree("""
                {"id": "a-17", "description": "Spoedmachtiging aanvragen", "ownerPartner": "jbrr",
                 "dueDate": "2015-05-28", "status": "open"}"""));
    }

    @Test
    void otherKindsHaveNoAgreement() throws Exception {
        assertThat(json(crisisAboutLisa()).has("agreement")).isFalse();
    }

    @Test
    void unknownNameAndBirthDateAreNull() throws Exception {
        Notification notification = new Notification("n-79", Notification.Kind.MATCH, "c", null, null, "", CREATED,
                null);

        JsonNode youth = json(notification).get("youth");

        assertThat(youth.get("displayName").isNull()).isTrue();
        assertThat(youth.get("birthDate").isNull()).isTrue();
    }

    @Test
    void textIsEscapedAsJson() throws Exception {
        Notification notification = new Notification("n-80", Notification.Kind.MATCH, "c", "Zoë \"Z\" René", null,
                "regel 1\nregel 2 </script>", CREATED, null);

        JsonNode json = json(notification);

        assertThat(json.get("youth").get("displayName").asText()).isEqualTo("Zoë \"Z\" René");
        assertThat(json.get("summary").asText()).isEqualTo("regel 1\nregel 2 </script>");
    }
}
