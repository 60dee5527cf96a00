package nl.zorgtafel.partner.rvdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import nl.zorgtafel.api.model.Advice;
import nl.zorgtafel.api.model.Bsn;
import nl.zorgtafel.api.model.Investigation;
import nl.zorgtafel.api.model.Measure;
import nl.zorgtafel.api.model.MeasureKind;
import nl.zorgtafel.api.model.YouthIdentity;
import nl.zorgtafel.api.partner.Fault;
import nl.zorgtafel.api.partner.InboundMessage;
import nl.zorgtafel.api.partner.InboundResult;
import nl.zorgtafel.api.partner.InboundResult.Rejected;
import nl.zorgtafel.api.partner.InboundResult.Translated;
import nl.zorgtafel.api.partner.PartnerEvent.AdviceGiven;
import nl.zorgtafel.api.partner.PartnerEvent.InvestigationStarted;
import nl.zorgtafel.api.partner.PartnerEvent.MeasureGranted;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RaadsberichtInboundTest {

    private static final String LISA_BSN = "999990019";
    private static final YouthIdentity LISA =
            new YouthIdentity(Bsn.of(LISA_BSN), "Lisa", "de Vries", LocalDate.of(1997, 11, 3));
    private static final String JEUGDIGE_LISA = """
            <jeugdige><bsn>999990019</bsn><voornamen>Lisa</voornamen><achternaam>de Vries</achternaam>
              <geboortedatum>1997-11-03</geboortedatum></jeugdige>""";
    private static final String SPOEDMACHTIGING_TOEGEWEZEN = """
            <uitspraak><zaaknummer>RT-2015-118</zaaknummer><datum>2015-05-27</datum>
              <maatregel>spoedmachtiging-gesloten-jeugdhulp</maatregel>
              <ingangsdatum>2015-05-27</ingangsdatum><einddatum>2015-06-10</einddatum>
              <toegewezen>true</toegewezen></uitspraak>""";

    private final RaadsberichtInbound inbound = new RaadsberichtInbound();

    @Nested
    class Translating {

        @Test
        void grantedRulingIsAMeasureWithItsPeriod() {
            Translated translated = translated(raadsbericht(JEUGDIGE_LISA + SPOEDMACHTIGING_TOEGEWEZEN));

            assertThat(translated.events()).containsExactly(new MeasureGranted(LISA, new Measure("RT-2015-118",
                    MeasureKind.EMERGENCY_CLOSED_CARE_AUTHORISATION, LocalDate.of(2015, 5, 27), LocalDate.of(2015, 6, 10))));
            assertThat(translated.ignored()).isEmpty();
        }

        @Test
        void grantedRulingWithoutEinddatumIsOpenEnded() {
            String ots = ruling("ots", "2016-03-01", "", "true");

            MeasureGranted granted = (MeasureGranted) translated(raadsbericht(JEUGDIGE_LISA + ots)).events().get(0);

            assertThat(granted.measure().endsOn()).isNull();
            assertThat(granted.measure().kind()).isEqualTo(MeasureKind.OTS);
        }

        @ParameterizedTest
        @ValueSource(strings = {"false", "0"})
        void refusedRulingMakesNoEventAndIsNamedAsIgnored(String refused) {
            String ruling = ruling("machtiging-gesloten-jeugdhulp", "2015-06-10", "2015-12-10", refused);

            Translated translated = translated(raadsbericht(JEUGDIGE_LISA + ruling));

            assertThat(translated.events()).isEmpty();
            assertThat(translated.ignored()).containsExactly("/raadsbericht/uitspraak (toegewezen=false)");
        }

        @Test
        void investigationStartedIsAnInvestigationWithItsReason() {
            String started = """
                    <onderzoekGestart><zaaknummer>RT-2015-118</zaaknummer><startdatum>2015-05-27</startdatum>
                      <aanleiding> Crisismelding politie </aanleiding></onderzoekGestart>""";

            Translated translated = translated(raadsbericht(JEUGDIGE_LISA + started));

            assertThat(translated.events()).containsExactly(new InvestigationStarted(LISA,
                    new Investigation("RT-2015-118", LocalDate.of(2015, 5, 27), "Crisismelding politie")));
        }

        @ParameterizedTest
        @CsvSource({
            "ots, OTS",
            "machtiging-gesloten-jeugdhulp, CLOSED_CARE_AUTHORISATION",
            "spoedmachtiging-gesloten-jeugdhulp, EMERGENCY_CLOSED_CARE_AUTHORISATION",
            "voogdij, GUARDIANSHIP",
            "geen-maatregel, NONE"
        })
        void adviceCodeIsTheMeasureKindOfThatCode(String code, MeasureKind kind) {
            String advice = """
                    <adviesUitgebracht><zaaknummer>RT-2015-118</zaaknummer><datum>2015-05-27</datum>
                      <advies>%s</advies><toelichting>Acuut gevaar.</toelichting></adviesUitgebracht>""".formatted(code);

            Translated translated = translated(raadsbericht(JEUGDIGE_LISA + advice));

            assertThat(translated.events()).containsExactly(new AdviceGiven(LISA,
                    new Advice("RT-2015-118", LocalDate.of(2015, 5, 27), kind, "Acuut gevaar.")));
        }

        @Test
        void youthWithoutBsnElementHasNoBsn() {
            String youth = """
                    <jeugdige><voornamen>Mirela</voornamen><achternaam>Dumitru</achternaam>
                      <geboortedatum>2000-02-29</geboortedatum></jeugdige>""";

            Translated translated = translated(raadsbericht(youth + SPOEDMACHTIGING_TOEGEWEZEN));

            assertThat(translated.events().get(0).youth())
                    .isEqualTo(new YouthIdentity(null, "Mirela", "Dumitru", LocalDate.of(2000, 2, 29)));
        }

        @Test
        void emptyBsnElementMeansNoBsn() {
            String youth = JEUGDIGE_LISA.replace("<bsn>999990019</bsn>", "<bsn/>");

            Translated translated = translated(raadsbericht(youth + SPOEDMACHTIGING_TOEGEWEZEN));

            assertThat(translated.events().get(0).youth().knownBsn()).isEmpty();
        }

        @Test
        void elementsTheFormatDoesNotListAreReadPastAndNamed() {
            String youth = JEUGDIGE_LISA.replace("</jeugdige>", "<roepnaam>Lies</roepnaam></jeugdige>");
            String ruling = SPOEDMACHTIGING_TOEGEWEZEN.replace("</uitspraak>",
                    "<ext:kamer xmlns:ext=\"urn:example:rvdk\">meervoudig</ext:kamer></uitspraak>");

            Translated translated = translated(raadsbericht(youth + ruling));

            assertThat(translated.events()).hasSize(1);
            assertThat(translated.ignored())
                    .containsExactly("/raadsbericht/jeugdige/roepnaam", "/raadsbericht/uitspraak/kamer");
        }

        @Test
        void commentsAndProcessingInstructionsAreReadPast() {
            String body = raadsbericht("<!-- geen persoonsgegevens -->" + JEUGDIGE_LISA + "<?rvdk export?>"
                    + SPOEDMACHTIGING_TOEGEWEZEN);

            assertThat(translated(body).events()).hasSize(1);
        }

        @Test
        void largestMessageWithinTheLimitsIsTranslated() {
            // ten elements the format does not list, each just under the text limit, fill 10 MiB
            String start = raadsbericht(JEUGDIGE_LISA.replace("</jeugdige>", ""));
            String end = "</jeugdige>" + SPOEDMACHTIGING_TOEGEWEZEN + "\n</raadsbericht>";
            start = start.substring(0, start.lastIndexOf("\n</raadsbericht>"));
            StringBuilder body = new StringBuilder(start);
            String attachment = "<bijlage>" + "x".repeat(RaadsberichtReader.MAX_TEXT_LENGTH - 100) + "</bijlage>";
            while (body.length() + attachment.length() + end.length() <= RaadsberichtReader.MAX_BYTES) {
                body.append(attachment);
            }
            body.append(" ".repeat(RaadsberichtReader.MAX_BYTES - body.length() - end.length())).append(end);
            assertThat(body.toString().getBytes(StandardCharsets.UTF_8)).hasSize(RaadsberichtReader.MAX_BYTES);

            Translated translated = translated(body.toString());

            assertThat(translated.events()).hasSize(1);
            assertThat(translated.ignored()).containsExactly("/raadsbericht/jeugdige/bijlage");
        }

        @Test
        void messageIdIsTheBerichtIdAttribute() {
            InboundMessage message = message(raadsbericht(JEUGDIGE_LISA + SPOEDMACHTIGING_TOEGEWEZEN));

            assertThat(inbound.messageId(message)).contains("RVDK-2015-0519-7");
        }

        @Test
        void messageIdIsFoundEvenWhenTheRestOfTheMessageIsBroken() {
            InboundMessage message = message(raadsbericht("<jeugdige><bsn>"));

            assertThat(inbound.messageId(message)).contains("RVDK-2015-0519-7");
        }

        @Test
        void messageIdIsAbsentBehindADoctype() {
            InboundMessage message = message("<!DOCTYPE raadsbericht []>" + raadsbericht(JEUGDIGE_LISA));

            assertThat(inbound.messageId(message)).isEmpty();
        }
    }

    @Nested
    class Rejecting {

        @Test
        void wrongRootElementIsAFault() {
            String body = "<raadsverzoek xmlns=\"urn:nl:rvdk:zorgtafel:raadsbericht:1\"/>";

            assertThat(faults(body)).containsExactly(new Fault("/raadsverzoek",
                    "must be a raadsbericht in the namespace urn:nl:rvdk:zorgtafel:raadsbericht:1"));
        }

        @Test
        void raadsberichtWithoutNamespaceIsAFault() {
            String body = "<raadsbericht berichtId=\"x\">" + JEUGDIGE_LISA + "</raadsbericht>";

            assertThat(locations(body)).containsExactly("/raadsbericht");
        }

        @Test
        void unknownElementWhereAFactIsExpectedIsAFault() {
            assertThat(locations(raadsbericht(JEUGDIGE_LISA + "<beschikking/>")))
                    .contains("/raadsbericht/beschikking");
        }

        @Test
        void elementOfAnotherNamespaceWhereAFactIsExpectedIsAFault() {
            String body = raadsbericht(JEUGDIGE_LISA + SPOEDMACHTIGING_TOEGEWEZEN
                    + "<uitspraak xmlns=\"urn:example:other\"/>");

            assertThat(locations(body)).containsExactly("/raadsbericht/uitspraak");
        }

        @Test
        void messageWithoutAFactIsAFault() {
            assertThat(faults(raadsbericht(JEUGDIGE_LISA))).containsExactly(new Fault("/raadsbericht",
                    "must hold one of onderzoekGestart, adviesUitgebracht or uitspraak"));
        }

        @Test
        void secondFactIsAFault() {
            String investigation = """
                    <onderzoekGestart><zaaknummer>RT-2015-118</zaaknummer><startdatum>2015-05-27</startdatum>
                      <aanleiding/></onderzoekGestart>""";

            assertThat(locations(raadsbericht(JEUGDIGE_LISA + SPOEDMACHTIGING_TOEGEWEZEN + investigation)))
                    .containsExactly("/raadsbericht/onderzoekGestart");
        }

        @Test
        void missingJeugdigeIsAFault() {
            assertThat(locations(raadsbericht(SPOEDMACHTIGING_TOEGEWEZEN))).containsExactly("/raadsbericht/jeugdige");
        }

        @Test
        void missingRequiredElementsAreEachAFault() {
            String youth = "<jeugdige><bsn>999990019</bsn></jeugdige>";
            String ruling = "<uitspraak><einddatum>2015-06-10</einddatum></uitspraak>";

            assertThat(locations(raadsbericht(youth + ruling))).containsExactly(
                    "/raadsbericht/jeugdige/voornamen",
                    "/raadsbericht/jeugdige/achternaam",
                    "/raadsbericht/jeugdige/geboortedatum",
                    "/raadsbericht/uitspraak/zaaknummer",
                    "/raadsbericht/uitspraak/datum",
                    "/raadsbericht/uitspraak/maatregel",
                    "/raadsbericht/uitspraak/ingangsdatum",
                    "/raadsbericht/uitspraak/toegewezen");
        }

        @Test
        void missingFreeTextElementIsAFaultButAnEmptyOneIsNot() {
            String without = "<onderzoekGestart><zaaknummer>RT-1</zaaknummer><startdatum>2015-05-27</startdatum>"
                    + "</onderzoekGestart>";

            assertThat(locations(raadsbericht(JEUGDIGE_LISA + without)))
                    .containsExactly("/raadsbericht/onderzoekGestart/aanleiding");
            assertThat(translated(raadsbericht(JEUGDIGE_LISA + without.replace("</onderzoekGestart>",
                    "<aanleiding></aanleiding></onderzoekGestart>"))).events()).hasSize(1);
        }

        @Test
        void missingBerichtIdAndVerzondenAreFaults() {
            String body = "<raadsbericht xmlns=\"urn:nl:rvdk:zorgtafel:raadsbericht:1\">" + JEUGDIGE_LISA
                    + SPOEDMACHTIGING_TOEGEWEZEN + "</raadsbericht>";

            assertThat(locations(body)).containsExactly("/raadsbericht/@berichtId", "/raadsbericht/@verzonden");
        }

        @Test
        void berichtIdWithSpacesIsAFault() {
            String body = raadsbericht(JEUGDIGE_LISA + SPOEDMACHTIGING_TOEGEWEZEN)
                    .replace("RVDK-2015-0519-7", "RVDK 2015");

            assertThat(locations(body)).containsExactly("/raadsbericht/@berichtId");
        }

        @Test
        void repeatedElementIsAFault() {
            String youth = JEUGDIGE_LISA.replace("<bsn>999990019</bsn>", "<bsn>999990019</bsn><bsn>999990032</bsn>");

            assertThat(locations(raadsbericht(youth + SPOEDMACHTIGING_TOEGEWEZEN)))
                    .containsExactly("/raadsbericht/jeugdige/bsn");
        }

        @Test
        void elementInsteadOfTextIsAFault() {
            String youth = JEUGDIGE_LISA.replace("<voornamen>Lisa</voornamen>", "<voornamen><naam>Lisa</naam></voornamen>");

            assertThat(faults(raadsbericht(youth + SPOEDMACHTIGING_TOEGEWEZEN)))
                    .containsExactly(new Fault("/raadsbericht/jeugdige/voornamen", "must hold text, not elements"));
        }

        @Test
        void bsnFailingTheElfproefIsAFaultThatDoesNotShowIt() {
            String youth = JEUGDIGE_LISA.replace(LISA_BSN, "999990018");

            assertThat(faults(raadsbericht(youth + SPOEDMACHTIGING_TOEGEWEZEN)))
                    .containsExactly(new Fault("/raadsbericht/jeugdige/bsn", "fails the elfproef"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"9999900199", "99999001x", "999 990 019", "-99999001"})
        void bsnThatIsNotNineDigitsIsAFault(String notNineDigits) {
            String youth = JEUGDIGE_LISA.replace(LISA_BSN, notNineDigits);

            assertThat(faults(raadsbericht(youth + SPOEDMACHTIGING_TOEGEWEZEN)))
                    .containsExactly(new Fault("/raadsbericht/jeugdige/bsn", "must be nine digits"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"27-05-2015", "2015-5-27", "2015/05/27", "2015-05-27T00:00:00", "2015-05-27Z", "gisteren"})
        void dateNotWrittenAsYearMonthDayIsAFault(String notADate) {
            String ruling = SPOEDMACHTIGING_TOEGEWEZEN.replace("<ingangsdatum>2015-05-27", "<ingangsdatum>" + notADate);

            assertThat(faults(raadsbericht(JEUGDIGE_LISA + ruling))).containsExactly(
                    new Fault("/raadsbericht/uitspraak/ingangsdatum", "must be a date as yyyy-MM-dd"));
        }

        @Test
        void dateThatDoesNotExistIsAFault() {
            String youth = JEUGDIGE_LISA.replace("1997-11-03", "1997-02-29");

            assertThat(faults(raadsbericht(youth + SPOEDMACHTIGING_TOEGEWEZEN))).containsExactly(new Fault(
                    "/raadsbericht/jeugdige/geboortedatum", "must be a date as yyyy-MM-dd; this day does not exist"));
        }

        @Test
        void verzondenThatIsNotADateTimeIsAFault() {
            String body = raadsbericht(JEUGDIGE_LISA + SPOEDMACHTIGING_TOEGEWEZEN)
                    .replace("2015-05-27T16:40:00+02:00", "27 mei 2015");

            assertThat(locations(body)).containsExactly("/raadsbericht/@verzonden");
        }

        @Test
        void einddatumBeforeIngangsdatumIsAFault() {
            String ruling = ruling("spoedmachtiging-gesloten-jeugdhulp", "2015-06-10", "2015-05-27", "true");

            assertThat(faults(raadsbericht(JEUGDIGE_LISA + ruling)))
                    .containsExactly(new Fault("/raadsbericht/uitspraak/einddatum", "is before ingangsdatum"));
        }

        @Test
        void einddatumBeforeIngangsdatumIsAFaultEvenInARefusedRuling() {
            String ruling = ruling("machtiging-gesloten-jeugdhulp", "2015-06-10", "2015-05-27", "false");

            assertThat(locations(raadsbericht(JEUGDIGE_LISA + ruling))).containsExactly("/raadsbericht/uitspraak/einddatum");
        }

        @Test
        void unknownMaatregelCodeIsAFault() {
            String ruling = ruling("gesloten-plaatsing", "2015-05-27", "", "true");

            assertThat(locations(raadsbericht(JEUGDIGE_LISA + ruling))).containsExactly("/raadsbericht/uitspraak/maatregel");
        }

        @Test
        void unknownAdviesCodeIsAFault() {
            String advice = """
                    <adviesUitgebracht><zaaknummer>RT-2015-118</zaaknummer><datum>2015-05-27</datum>
                      <advies>OTS</advies><toelichting/></adviesUitgebracht>""";

            assertThat(locations(raadsbericht(JEUGDIGE_LISA + advice)))
                    .containsExactly("/raadsbericht/adviesUitgebracht/advies");
        }

        @Test
        void grantingGeenMaatregelIsAFault() {
            String ruling = ruling("geen-maatregel", "2015-05-27", "", "true");

            assertThat(locations(raadsbericht(JEUGDIGE_LISA + ruling))).containsExactly("/raadsbericht/uitspraak/maatregel");
        }

        @Test
        void toegewezenOtherThanTrueOrFalseIsAFault() {
            String ruling = ruling("ots", "2015-05-27", "", "ja");

            assertThat(locations(raadsbericht(JEUGDIGE_LISA + ruling))).containsExactly("/raadsbericht/uitspraak/toegewezen");
        }

        @Test
        void everyFaultIsListedNotOnlyTheFirst() {
            String youth = JEUGDIGE_LISA.replace(LISA_BSN, "999990018").replace("1997-11-03", "3 nov 1997");
            String ruling = ruling("gesloten-plaatsing", "2015-06-10", "2015-05-27", "true");

            assertThat(locations(raadsbericht(youth + ruling))).containsExactly(
                    "/raadsbericht/jeugdige/bsn",
                    "/raadsbericht/jeugdige/geboortedatum",
                    "/raadsbericht/uitspraak/maatregel",
                    "/raadsbericht/uitspraak/einddatum");
        }
    }

    private static String raadsbericht(String content) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<raadsbericht xmlns=\"urn:nl:rvdk:zorgtafel:raadsbericht:1\" berichtId=\"RVDK-2015-0519-7\""
                + " verzonden=\"2015-05-27T16:40:00+02:00\">\n" + content + "\n</raadsbericht>";
    }

    private static String ruling(String maatregel, String ingangsdatum, String einddatum, String toegewezen) {
        return "<uitspraak><zaaknummer>RT-2015-118</zaaknummer><datum>" + ingangsdatum + "</datum>"
                + "<maatregel>" + maatregel + "</maatregel><ingangsdatum>" + ingangsdatum + "</ingangsdatum>"
                + (einddatum.isEmpty() ? "" : "<einddatum>" + einddatum + "</einddatum>")
                + "<toegewezen>" + toegewezen + "</toegewezen></uitspraak>";
    }

    private static InboundMessage message(String body) {
        return new InboundMessage("rvdk", "application/xml", StandardCharsets.UTF_8,
                body.getBytes(StandardCharsets.UTF_8));
    }

    private Translated translated(String body) {
        InboundResult result = inbound.translate(message(body));
        assertThat(result).isInstanceOf(Translated.class);
        return (Translated) result;
    }

    private List<Fault> faults(String body) {
        InboundResult result = inbound.translate(message(body));
        assertThat(result).isInstanceOf(Rejected.class);
        return ((Rejected) result).faults();
    }

    private List<String> locations(String body) {
        return faults(body).stream().map(Fault::location).toList();
    }
}
