package nl.zorgtafel.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import nl.zorgtafel.api.model.SignalCategory;
import nl.zorgtafel.api.model.Urgency;
import nl.zorgtafel.api.partner.Fault;
import nl.zorgtafel.core.internal.testing.TestBsns;
import org.junit.jupiter.api.Test;

class SignalRequestTest {

    private static final String NOOR = TestBsns.digits("999990019");

    @Test
    void aCompleteSignalIsRead() {
        SignalRequest request = SignalRequest.parse(json("""
                {"youth": {"bsn": "%s", "givenName": "Noor", "familyName": "Testdal", "birthDate": "2008-05-17"},
                 "category": "loverboy", "urgency": "crisis", "summary": "picked up by an older man",
                 "observedOn": "2024-03-04", "partnerReference": "JBRR-2024-17"}
                """.formatted(NOOR)));

        assertThat(request.youth().bsn()).isEqualTo(TestBsns.bsn(NOOR));
        assertThat(request.youth().givenName()).isEqualTo("Noor");
        assertThat(request.youth().familyName()).isEqualTo("Testdal");
        assertThat(request.youth().birthDate()).isEqualTo(LocalDate.of(2008, 5, 17));
        assertThat(request.signal().category()).isEqualTo(SignalCategory.LOVERBOY);
        assertThat(request.signal().urgency()).isEqualTo(Urgency.CRISIS);
        assertThat(request.signal().summary()).isEqualTo("picked up by an older man");
        assertThat(request.signal().observedOn()).isEqualTo(LocalDate.of(2024, 3, 4));
        assertThat(request.signal().reference()).isEqualTo("JBRR-2024-17");
    }

    @Test
    void whatMayBeLeftOutGetsItsDefault() {
        SignalRequest request = SignalRequest.parse(json("""
                {"youth": {"familyName": "Zondernummer"}, "category": "runaway", "observedOn": "2024-03-04"}
                """));

        assertThat(request.youth().knownBsn()).isEmpty();
        assertThat(request.youth().birthDate()).isNull();
        assertThat(request.signal().urgency()).isEqualTo(Urgency.NORMAL);
        assertThat(request.signal().summary()).isEmpty();
        assertThat(request.signal().reference()).isNotBlank();
    }

    @Test
    void everyMissingFieldIsNamedAtOnce() {
        ApiException refused = refused(json("{}"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errors()).extracting(Fault::location)
                .containsExactlyInAnyOrder("youth", "youth.familyName", "category", "observedOn");
    }

    @Test
    void everyInvalidFieldIsNamedAtOnce() {
        ApiException refused = refused(json("""
                {"youth": {"givenName": 17, "familyName": "Testdal", "birthDate": "17-05-2008"},
                 "category": "gossip", "urgency": "soon", "summary": "%s",
                 "observedOn": "2999-12-31", "partnerReference": ["JBRR-1"]}
                """.formatted("x".repeat(SignalRequest.MAX_TEXT + 1))));

        assertThat(refused.errors()).extracting(Fault::location).containsExactlyInAnyOrder("youth.givenName",
                "youth.birthDate", "category", "urgency", "summary", "observedOn", "partnerReference");
    }

    @Test
    void aBsnFailingTheElfproefIsAFaultOnTheBsnThatDoesNotQuoteIt() {
        ObjectNode body = validBody();
        ((ObjectNode) body.path("youth")).put("bsn", "999990018");

        ApiException refused = refused(body);

        assertThat(refused.errors()).singleElement().satisfies(fault -> {
            assertThat(fault.location()).isEqualTo("youth.bsn");
            assertThat(fault.problem()).doesNotContain("999990018");
        });
        assertThat(refused.getMessage()).doesNotContain("999990018");
    }

    @Test
    void aBsnSentAsANumberIsAFault() {
        ObjectNode body = validBody();
        ((ObjectNode) body.path("youth")).put("bsn", 999990019L);

        assertThat(refused(body).errors()).extracting(Fault::location).containsExactly("youth.bsn");
    }

    @Test
    void aBodyThatIsNoObjectIsRefused() {
        assertThat(refused(json("[1, 2]")).errors()).extracting(Fault::location).containsExactly("$");
    }

    private static ObjectNode validBody() {
        return (ObjectNode) json("""
                {"youth": {"familyName": "Testdal"}, "category": "other", "observedOn": "2024-03-04"}
                """);
    }

    private static ApiException refused(JsonNode body) {
        ApiException refused = catchThrowableOfType(ApiException.class, () -> SignalRequest.parse(body));
        assertThat(refused).as("the request is refused").isNotNull();
        return refused;
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("test JSON does not parse", e);
        }
    }
}
