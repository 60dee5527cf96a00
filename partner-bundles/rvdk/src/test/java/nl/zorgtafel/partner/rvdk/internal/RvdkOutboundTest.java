package nl.zorgtafel.partner.rvdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import nl.zorgtafel.api.model.Agreement;
import nl.zorgtafel.api.partner.Notification;
import nl.zorgtafel.api.partner.RenderedMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;

class RvdkOutboundTest {

    private static final Instant CREATED = Instant.parse("2015-06-02T09:00:00Z");
    private static final LocalDate LISA_BORN = LocalDate.of(1997, 11, 3);

    private final RvdkOutbound outbound = new RvdkOutbound();

    @Test
    void notificationIsOneRaadsverzoekForTheConfiguredUrl() {
        List<RenderedMessage> rendered = outbound.render(notification(Notification.Kind.MATCH, "Lisa de Vries",
                "GGZ meldt zorgen over dezelfde jeugdige"));

        assertThat(rendered).singleElement().satisfies(message -> {
            assertThat(message.mediaType()).isEqualTo("application/xml");
            assertThat(message.target()).isEmpty();
        });
    }

    @Test
    void raadsverzoekCarriesIdKindYouthSummaryAndRequester() throws Exception {
        Document xml = parse(outbound.render(notification(Notification.Kind.MATCH, "Lisa de Vries",
                "GGZ meldt zorgen over dezelfde jeugdige")));

        assertThat(xml.getDocumentElement().getNamespaceURI()).isEqualTo("urn:nl:rvdk:zorgtafel:raadsbericht:1");
        assertThat(xml.getDocumentElement().getLocalName()).isEqualTo("raadsverzoek");
        assertThat(value(xml, "/*/@verzoekId")).isEqualTo("n-2015-0602-1");
        assertThat(value(xml, "/*/@verzonden")).isEqualTo("2015-06-02T09:00:00Z");
        assertThat(value(xml, "/*/*[local-name()='kind']")).isEqualTo("notificatie");
        assertThat(value(xml, "/*/*[local-name()='aanleiding']")).isEqualTo("match");
        assertThat(value(xml, "/*/*[local-name()='casusId']")).isEqualTo("case-rtm-0042");
        assertThat(value(xml, "/*/*[local-name()='jeugdige']/*[local-name()='naam']")).isEqualTo("Lisa de Vries");
        assertThat(value(xml, "/*/*[local-name()='jeugdige']/*[local-name()='geboortedatum']")).isEqualTo("1997-11-03");
        assertThat(value(xml, "/*/*[local-name()='toelichting']")).isEqualTo("GGZ meldt zorgen over dezelfde jeugdige");
        assertThat(value(xml, "/*/*[local-name()='gevraagdDoor']")).isEqualTo("zorgtafel");
        assertThat(value(xml, "count(//*[local-name()='afspraak'])")).isEqualTo("0");
    }

    @ParameterizedTest
    @EnumSource(Notification.Kind.class)
    void everyNotificationKindIsANotificatie(Notification.Kind kind) throws Exception {
        Document xml = parse(outbound.render(notification(kind, "Lisa de Vries", "")));

        assertThat(value(xml, "/*/*[local-name()='kind']")).isEqualTo("notificatie");
        assertThat(value(xml, "/*/*[local-name()='aanleiding']")).isEqualTo(kind.code());
    }

    @Test
    void agreementNotificationCarriesTheAgreement() throws Exception {
        Document xml = parse(outbound.render(notification(Notification.Kind.AGREEMENT, "Lisa de Vries", "Afspraak")));

        assertThat(value(xml, "//*[local-name()='afspraak']/@id")).isEqualTo("a-7");
        assertThat(value(xml, "//*[local-name()='afspraak']/*[local-name()='omschrijving']"))
                .isEqualTo("Raadsonderzoek naar gezagsbeëindiging starten");
        assertThat(value(xml, "//*[local-name()='afspraak']/*[local-name()='eigenaar']")).isEqualTo("rvdk");
        assertThat(value(xml, "//*[local-name()='afspraak']/*[local-name()='uiterlijk']")).isEqualTo("2015-06-16");
        assertThat(value(xml, "//*[local-name()='afspraak']/*[local-name()='status']")).isEqualTo("open");
    }

    @Test
    void markupInTextIsEscapedNotInterpreted() throws Exception {
        String summary = "Zorgen <script>alert(1)</script> & \"vriend\" </toelichting><bsn>x</bsn>";

        Document xml = parse(outbound.render(notification(Notification.Kind.MATCH, "Lisa <de> Vries", summary)));

        assertThat(value(xml, "/*/*[local-name()='toelichting']")).isEqualTo(summary);
        assertThat(value(xml, "//*[local-name()='jeugdige']/*[local-name()='naam']")).isEqualTo("Lisa <de> Vries");
        assertThat(value(xml, "count(//*[local-name()='bsn'])")).isEqualTo("0");
    }

    @Test
    void quotesInAnIdAreEscapedInItsAttribute() throws Exception {
        Notification notification = new Notification("n\"1<&", Notification.Kind.AGENDA, "case-1", "Lisa de Vries",
                LISA_BORN, "", CREATED, null);

        assertThat(value(parse(outbound.render(notification)), "/*/@verzoekId")).isEqualTo("n\"1<&");
    }

    @Test
    void charactersXmlCannotHoldAreReplacedSoTheMessageStaysWellFormed() throws Exception {
        String summary = "bel\u0007 terug \uD800 na 17:00 \uD83D\uDE00";

        Document xml = parse(outbound.render(notification(Notification.Kind.MATCH, "Lisa de Vries", summary)));

        assertThat(value(xml, "/*/*[local-name()='toelichting']")).isEqualTo("bel\uFFFD terug \uFFFD na 17:00 \uD83D\uDE00");
    }

    @Test
    void youthWithoutNameOrBirthDateLeavesThoseOut() throws Exception {
        Notification notification = new Notification("n-2", Notification.Kind.CRISIS_SIGNAL, "case-2", null, null,
                "Crisissignaal", CREATED, null);

        Document xml = parse(outbound.render(notification));

        assertThat(value(xml, "count(//*[local-name()='jeugdige']/*)")).isEqualTo("0");
    }

    private static Notification notification(Notification.Kind kind, String youth, String summary) {
        Agreement agreement = kind == Notification.Kind.AGREEMENT
                ? new Agreement("a-7", "case-rtm-0042", "Raadsonderzoek naar gezagsbeëindiging starten", "rvdk",
                        LocalDate.of(2015, 6, 16), Agreement.Status.OPEN)
                : null;
        return new Notification("n-2015-0602-1", kind, "case-rtm-0042", youth, LISA_BORN, summary, CREATED, agreement);
    }

    /** Parses what was rendered, with DOCTYPEs refused: the test reads our output as the board would. */
    private static Document parse(List<RenderedMessage> rendered) throws Exception {
        assertThat(rendered).hasSize(1);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        assertThat(new String(rendered.get(0).body(), StandardCharsets.UTF_8)).startsWith("<?xml");
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(rendered.get(0).body()));
    }

    private static String value(Document xml, String expression) throws Exception {
        XPath xpath = XPathFactory.newDefaultInstance().newXPath();
        return xpath.evaluate(expression, xml);
    }
}
