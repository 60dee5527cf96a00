package nl.zorgtafel.partner.horizon.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import nl.zorgtafel.api.model.Bsn;
import nl.zorgtafel.api.model.CareTrajectory;
import nl.zorgtafel.api.model.TrajectoryEnding;
import nl.zorgtafel.api.model.YouthIdentity;
import nl.zorgtafel.api.partner.Fault;
import nl.zorgtafel.api.partner.InboundMessage;
import nl.zorgtafel.api.partner.InboundResult;
import nl.zorgtafel.api.partner.InboundResult.Rejected;
import nl.zorgtafel.api.partner.InboundResult.Translated;
import nl.zorgtafel.api.partner.PartnerEvent;
import nl.zorgtafel.api.partner.PartnerEvent.TrajectoryReported;
import nl.zorgtafel.api.partner.PartnerEvent.TrajectoryWithdrawn;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IjwInboundTest {

    private static final String JW305 = "http://www.istandaarden.nl/ijw/3_2/jw305/schema";
    private static final String JW307 = "http://www.istandaarden.nl/ijw/3_2/jw307/schema";
    private static final YouthIdentity LISA =
            new YouthIdentity(Bsn.of("999990019"), "L", "de Vries", LocalDate.of(1997, 11, 3));
    private static final LocalDate PLACED = LocalDate.of(2015, 5, 27);
    private static final String LISA_CLIENT = """
            <Bsn>999990019</Bsn>
            <Geboortedatum><Datum>1997-11-03</Datum><DatumGebruik>1</DatumGebruik></Geboortedatum>
            <Geslacht>2</Geslacht>
            <Naam><Geslachtsnaam><Voorvoegsel>de</Voorvoegsel><Achternaam>Vries</Achternaam></Geslachtsnaam>
              <Voorletters>L</Voorletters><NaamGebruik>1</NaamGebruik></Naam>
            """;
    private static final String CLOSED_PLACEMENT_STARTS = start("20150527001", "37", "2015-05-27", "1");

    private final IjwInbound inbound = new IjwInbound();

    @Nested
    class Translating {

        @Test
        void startProductIsARunningTrajectoryOfItsAssignment() {
            Translated translated = translated(jw305(CLOSED_PLACEMENT_STARTS));

            assertThat(translated.events()).containsExactly(new TrajectoryReported(LISA,
                    new CareTrajectory("20150527001", "closed placement", PLACED, null)));
            assertThat(translated.ignored()).isEmpty();
        }

        @Test
        void stopProductOfTheSameAssignmentEndsTheSameTrajectoryEarly() {
            String stop = stop("20150527001", "37", "2015-05-27", "34", "2015-06-10", "1");

            Translated translated = translated(jw307(stop));

            assertThat(translated.events()).containsExactly(new TrajectoryReported(LISA,
                    new CareTrajectory("20150527001", "closed placement", PLACED,
                            new TrajectoryEnding(LocalDate.of(2015, 6, 10), TrajectoryEnding.Kind.EARLY, "34"))));
        }

        @Test
        void stopProductOfATrajectoryNeverStartedCarriesItsStartAndEnd() {
            String stop = stop("20160912004", "43", "2016-09-12", "31", "2016-12-23", "1");

            CareTrajectory trajectory = trajectory(translated(jw307(stop)).events().get(0));

            assertThat(trajectory.startedOn()).isEqualTo(LocalDate.of(2016, 9, 12));
            assertThat(trajectory.ending()).isEqualTo(
                    new TrajectoryEnding(LocalDate.of(2016, 12, 23), TrajectoryEnding.Kind.PLANNED, "31"));
        }

        @Test
        void productWithoutToewijzingNummerIsReferencedByCategoryAndBegindatum() {
            String start = start(null, "45", "2016-03-02", "1");
            String stop = stop(null, "45", "2016-03-02", "31", "2016-05-31", "1");

            assertThat(trajectory(translated(jw305(start)).events().get(0)).reference()).isEqualTo("45/2016-03-02");
            assertThat(trajectory(translated(jw307(stop)).events().get(0)).reference()).isEqualTo("45/2016-03-02");
        }

        @Test
        void startDeletedIsTheTrajectoryWithdrawn() {
            Translated translated = translated(jw305(start("20150527001", "37", "2015-05-27", "3")));

            assertThat(translated.events()).containsExactly(new TrajectoryWithdrawn(LISA, "20150527001"));
        }

        @Test
        void stopDeletedWithdrawsOnlyTheEndAndReportsTheTrajectoryRunning() {
            String stop = stop("20150527001", "37", "2015-05-27", "34", "2015-06-10", "3");

            Translated translated = translated(jw307(stop));

            assertThat(translated.events()).containsExactly(new TrajectoryReported(LISA,
                    new CareTrajectory("20150527001", "closed placement", PLACED, null)));
        }

        @Test
        void correctionReportsAsAFirstDeliveryDoes() {
            assertThat(translated(jw305(start("20150527001", "37", "2015-05-27", "2"))).events())
                    .isEqualTo(translated(jw305(CLOSED_PLACEMENT_STARTS)).events());
        }

        @Test
        void everyProductIsAnEventInMessageOrder() {
            String starts = start("1", "46", "2018-02-15", "1") + start("2", "37", "2018-02-16", "1")
                    + start("3", "45", "2018-03-01", "1");

            List<String> references = translated(jw305(starts)).events().stream()
                    .map(event -> trajectory(event).reference()).toList();

            assertThat(references).containsExactly("1", "2", "3");
        }

        @Test
        void clientWithoutVoorvoegselOrVoorlettersHasJustTheAchternaam() {
            String client = LISA_CLIENT.replace("<Voorvoegsel>de</Voorvoegsel>", "")
                    .replace("<Voorletters>L</Voorletters>", "");

            YouthIdentity youth = translated(bericht(JW305, "438", client, "<StartProducten>"
                    + CLOSED_PLACEMENT_STARTS + "</StartProducten>")).events().get(0).youth();

            assertThat(youth).isEqualTo(new YouthIdentity(Bsn.of("999990019"), "", "Vries", LocalDate.of(1997, 11, 3)));
        }

        @Test
        void prefixedNamespaceIsTheSameMessage() {
            String body = jw305(CLOSED_PLACEMENT_STARTS).replace("<", "<ijw:").replace("<ijw:/", "</ijw:")
                    .replace("<ijw:?xml", "<?xml").replace("xmlns=", "xmlns:ijw=");

            assertThat(translated(body).events()).isEqualTo(translated(jw305(CLOSED_PLACEMENT_STARTS)).events());
        }

        @Test
        void elementsTheContractDoesNotListAreReadPastAndNamedOnceWithoutPosition() {
            String withExtras = start("1", "43", "2016-03-02", "1").replace("<StatusAanlevering>",
                    "<Verwijzer><Type>02</Type></Verwijzer><StatusAanlevering>");
            String client = LISA_CLIENT + "<Commentaar>op de groep</Commentaar>";

            Translated translated = translated(bericht(JW305, "438", client,
                    "<StartProducten>" + withExtras + withExtras.replace(">1<", ">2<") + "</StartProducten>"));

            assertThat(translated.events()).hasSize(2);
            assertThat(translated.ignored()).containsExactly("/Bericht/Client/Commentaar",
                    "/Bericht/Client/StartProducten/StartProduct/Verwijzer");
        }

        @Test
        void listedElementsTheTableDoesNotUseAreReadPastSilently() {
            String body = jw305(CLOSED_PLACEMENT_STARTS.replace("<Categorie>37</Categorie>",
                            "<Categorie>37</Categorie><Code>37A01</Code>"))
                    .replace("<Afzender>98765432</Afzender>", "<Afzender><AgbCode>98765432</AgbCode></Afzender>")
                    .replace("</XsdVersie>", "<BerichtXsdMinVersie>1.0.0</BerichtXsdMinVersie></XsdVersie>");

            Translated translated = translated(body);

            assertThat(translated.events()).hasSize(1);
            assertThat(translated.ignored()).isEmpty();
        }

        @Test
        void elementsOfAnotherNamespaceAreReadPast() {
            String client = LISA_CLIENT + "<x:Dossier xmlns:x=\"urn:example:horizon\">intern</x:Dossier>";

            Translated translated = translated(bericht(JW305, "438", client,
                    "<StartProducten>" + CLOSED_PLACEMENT_STARTS + "</StartProducten>"));

            assertThat(translated.ignored()).containsExactly("/Bericht/Client/Dossier");
        }

        @Test
        void mostProductsTheElementLimitAllowsAreTranslatedAndOneMoreIsRefused() {
            int elementsWithoutProducts = startTags(jw305(""));
            int elementsPerProduct = startTags(CLOSED_PLACEMENT_STARTS);
            int most = (IjwReader.MAX_ELEMENTS - elementsWithoutProducts) / elementsPerProduct;
            String products = IntStream.range(0, most)
                    .mapToObj(i -> start(String.valueOf(20150527001L + i), "37", "2015-05-27", "1"))
                    .collect(Collectors.joining());

            assertThat(translated(jw305(products)).events()).hasSize(most);
            assertThat(faults(jw305(products + CLOSED_PLACEMENT_STARTS)))
                    .containsExactly(new Fault("body", "has more than 100000 elements"));
        }

        @Test
        void messageIdIsTheIdentificatieOfTheHeader() {
            assertThat(inbound.messageId(message(jw305(CLOSED_PLACEMENT_STARTS)))).contains("HZ-2015-05-0042");
        }

        @Test
        void messageIdIsFoundEvenWhenTheClientIsBroken() {
            String body = jw305(CLOSED_PLACEMENT_STARTS).replace("</Client>", "</Clint>");

            assertThat(inbound.messageId(message(body))).contains("HZ-2015-05-0042");
        }

        @Test
        void messageIdIsAbsentWithoutAHeader() {
            assertThat(inbound.messageId(message("<Bericht xmlns=\"" + JW305 + "\"><Client/></Bericht>"))).isEmpty();
        }
    }

    @Nested
    class Rejecting {

        @Test
        void rootOtherThanBerichtIsAFault() {
            assertThat(faults("<Message xmlns=\"" + JW305 + "\"/>")).containsExactly(
                    new Fault("/Message", "must be the Bericht of a JW305 or JW307 in its iJw 3.2 namespace"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "http://www.istandaarden.nl/ijw/3_2/jw301/schema",
            "http://www.istandaarden.nl/ijw/3_1/jw305/schema"})
        void namespaceOfAnotherMessageOrVersionIsAFault(String namespace) {
            String body = jw305(CLOSED_PLACEMENT_STARTS).replace("xmlns=\"" + JW305 + "\"", "xmlns=\"" + namespace + "\"");

            assertThat(locations(body)).containsExactly("/Bericht");
        }

        @Test
        void unknownBerichtCodeIsAFault() {
            String body = jw305(CLOSED_PLACEMENT_STARTS).replace(">438<", ">439<");

            assertThat(faults(body)).containsExactly(
                    new Fault("/Bericht/Header/BerichtCode", "must be 438 (JW305) or 440 (JW307)"));
        }

        @Test
        void berichtCodeOfTheOtherMessageIsAFault() {
            String body = jw305(CLOSED_PLACEMENT_STARTS).replace(">438<", ">440<");

            assertThat(faults(body)).containsExactly(new Fault("/Bericht/Header/BerichtCode",
                    "does not match the namespace, which is that of a JW305 (438)"));
        }

        @Test
        void versionOtherThanThreeTwoIsAFault() {
            String body = jw307(stop("1", "37", "2015-05-27", "34", "2015-06-10", "1"))
                    .replace("<BerichtVersie>3<", "<BerichtVersie>2<")
                    .replace("<BerichtSubversie>2<", "<BerichtSubversie>1<");

            assertThat(locations(body)).containsExactly("/Bericht/Header/BerichtVersie", "/Bericht/Header/BerichtSubversie");
        }

        @Test
        void bsnFailingTheElfproefIsAFaultThatDoesNotShowIt() {
            String body = jw305(CLOSED_PLACEMENT_STARTS).replace("999990019", "999990018");

            assertThat(faults(body)).containsExactly(new Fault("/Bericht/Client/Bsn", "fails the elfproef"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"99999001A", "9999900190", "999-99-0019"})
        void bsnThatIsNotNineDigitsIsAFault(String notNineDigits) {
            String body = jw305(CLOSED_PLACEMENT_STARTS).replace("999990019", notNineDigits);

            assertThat(faults(body)).containsExactly(new Fault("/Bericht/Client/Bsn", "must be nine digits"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"27-05-2015", "2015-5-27", "20150527", "2015-05-27+02:00", "2015-05-27T00:00:00"})
        void dateNotWrittenAsYearMonthDayIsAFault(String notADate) {
            String body = jw305(start("1", "37", notADate, "1"));

            assertThat(faults(body)).containsExactly(new Fault(
                    "/Bericht/Client/StartProducten/StartProduct[1]/Begindatum", "must be a date as yyyy-MM-dd"));
        }

        @Test
        void dateThatDoesNotExistIsAFault() {
            String body = jw305(CLOSED_PLACEMENT_STARTS).replace("1997-11-03", "1997-11-31");

            assertThat(faults(body)).containsExactly(new Fault("/Bericht/Client/Geboortedatum/Datum",
                    "must be a date as yyyy-MM-dd: this day does not exist"));
        }

        @Test
        void einddatumBeforeBegindatumIsAFaultAtThatProduct() {
            String stops = stop("1", "37", "2015-05-27", "34", "2015-06-10", "1")
                    + stop("2", "45", "2015-06-01", "31", "2015-05-31", "1");

            assertThat(faults(jw307(stops))).containsExactly(new Fault(
                    "/Bericht/Client/StopProducten/StopProduct[2]/Einddatum", "is before Begindatum"));
        }

        @Test
        void missingRequiredElementsAreEachAFault() {
            String client = "<Naam><Geslachtsnaam/></Naam>";
            String products = "<StopProducten><StopProduct><Product/></StopProduct></StopProducten>";

            assertThat(locations(bericht(JW307, "440", client, products))).containsExactly(
                    "/Bericht/Client/Bsn",
                    "/Bericht/Client/Geboortedatum",
                    "/Bericht/Client/Naam/Geslachtsnaam/Achternaam",
                    "/Bericht/Client/StopProducten/StopProduct[1]/Product/Categorie",
                    "/Bericht/Client/StopProducten/StopProduct[1]/Begindatum",
                    "/Bericht/Client/StopProducten/StopProduct[1]/StatusAanlevering",
                    "/Bericht/Client/StopProducten/StopProduct[1]/RedenBeeindiging",
                    "/Bericht/Client/StopProducten/StopProduct[1]/Einddatum");
        }

        @Test
        void missingHeaderAndClientAreFaults() {
            assertThat(locations("<Bericht xmlns=\"" + JW305 + "\"/>")).containsExactly("/Bericht/Header", "/Bericht/Client");
        }

        @Test
        void missingIdentificatieIsAFault() {
            String body = jw305(CLOSED_PLACEMENT_STARTS).replace("<Identificatie>HZ-2015-05-0042</Identificatie>", "");

            assertThat(locations(body)).containsExactly("/Bericht/Header/BerichtIdentificatie/Identificatie");
        }

        @Test
        void emptyProductListIsAFault() {
            assertThat(faults(bericht(JW305, "438", LISA_CLIENT, "<StartProducten/>"))).containsExactly(
                    new Fault("/Bericht/Client/StartProducten", "must hold at least one StartProduct"));
        }

        @Test
        void productsOfTheOtherMessageAreAFault() {
            String products = "<StartProducten>" + CLOSED_PLACEMENT_STARTS + "</StartProducten><StopProducten>"
                    + stop("1", "37", "2015-05-27", "34", "2015-06-10", "1") + "</StopProducten>";

            assertThat(locations(bericht(JW305, "438", LISA_CLIENT, products)))
                    .containsExactly("/Bericht/Client/StopProducten");
        }

        @Test
        void repeatedElementIsAFault() {
            String body = jw305(CLOSED_PLACEMENT_STARTS).replace("<Bsn>999990019</Bsn>",
                    "<Bsn>999990019</Bsn><Bsn>999990032</Bsn>");

            assertThat(faults(body)).containsExactly(new Fault("/Bericht/Client/Bsn[2]", "may occur only once"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "4", "01", "verwijderen"})
        void statusAanleveringOtherThanOneTwoOrThreeIsAFault(String status) {
            assertThat(locations(jw305(start("1", "37", "2015-05-27", status))))
                    .containsExactly("/Bericht/Client/StartProducten/StartProduct[1]/StatusAanlevering");
        }

        @ParameterizedTest
        @ValueSource(strings = {"7", "370", "G3"})
        void categorieThatIsNotTwoDigitsIsAFault(String category) {
            assertThat(locations(jw305(start("1", category, "2015-05-27", "1"))))
                    .containsExactly("/Bericht/Client/StartProducten/StartProduct[1]/Product/Categorie");
        }

        @Test
        void redenBeeindigingThatIsNotTwoDigitsIsAFault() {
            assertThat(locations(jw307(stop("1", "37", "2015-05-27", "vroeg", "2015-06-10", "1"))))
                    .containsExactly("/Bericht/Client/StopProducten/StopProduct[1]/RedenBeeindiging");
        }

        @Test
        void elementsInsteadOfTextIsAFault() {
            String body = jw305(CLOSED_PLACEMENT_STARTS).replace("<Bsn>999990019</Bsn>", "<Bsn><Nummer>1</Nummer></Bsn>");

            assertThat(faults(body)).containsExactly(new Fault("/Bericht/Client/Bsn", "must hold text, not elements"));
        }

        @Test
        void everyFaultIsListedNotOnlyTheFirst() {
            String body = jw307(stop("1", "3", "2015-05-27", "34", "2015-06-10", "1")
                    + stop(null, "45", "2015-06-01", "31", "2015-05-31", "4"))
                    .replace(">440<", ">441<").replace("999990019", "999990018");

            assertThat(locations(body)).containsExactly(
                    "/Bericht/Header/BerichtCode",
                    "/Bericht/Client/Bsn",
                    "/Bericht/Client/StopProducten/StopProduct[1]/Product/Categorie",
                    "/Bericht/Client/StopProducten/StopProduct[2]/StatusAanlevering",
                    "/Bericht/Client/StopProducten/StopProduct[2]/Einddatum");
        }
    }

    private static String jw305(String startProducts) {
        return bericht(JW305, "438", LISA_CLIENT, "<StartProducten>" + startProducts + "</StartProducten>");
    }

    private static String jw307(String stopProducts) {
        return bericht(JW307, "440", LISA_CLIENT, "<StopProducten>" + stopProducts + "</StopProducten>");
    }

    private static String bericht(String namespace, String code, String client, String products) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Bericht xmlns="%s">
                  <Header>
                    <BerichtCode>%s</BerichtCode><BerichtVersie>3</BerichtVersie><BerichtSubversie>2</BerichtSubversie>
                    <Afzender>98765432</Afzender><Ontvanger>0599</Ontvanger>
                    <BerichtIdentificatie><Identificatie>HZ-2015-05-0042</Identificatie>
                      <Dagtekening>2015-05-28</Dagtekening></BerichtIdentificatie>
                    <XsdVersie><BasisschemaXsdVersie>1.0.0</BasisschemaXsdVersie></XsdVersie>
                  </Header>
                  <Client>%s%s</Client>
                </Bericht>""".formatted(namespace, code, client, products);
    }

    private static String start(String assignment, String category, String begin, String status) {
        return "<StartProduct>" + (assignment == null ? "" : "<ToewijzingNummer>" + assignment + "</ToewijzingNummer>")
                + "<Product><Categorie>" + category + "</Categorie></Product><Begindatum>" + begin + "</Begindatum>"
                + "<StatusAanlevering>" + status + "</StatusAanlevering></StartProduct>";
    }

    private static String stop(String assignment, String category, String begin, String reason, String end,
                               String status) {
        return "<StopProduct>" + (assignment == null ? "" : "<ToewijzingNummer>" + assignment + "</ToewijzingNummer>")
                + "<Product><Categorie>" + category + "</Categorie></Product><Begindatum>" + begin + "</Begindatum>"
                + "<RedenBeeindiging>" + reason + "</RedenBeeindiging><Einddatum>" + end + "</Einddatum>"
                + "<StatusAanlevering>" + status + "</StatusAanlevering></StopProduct>";
    }

    private static int startTags(String xml) {
        return (int) Pattern.compile("<[A-Za-z]").matcher(xml).results().count();
    }

    private static CareTrajectory trajectory(PartnerEvent event) {
        assertThat(event).isInstanceOf(TrajectoryReported.class);
        return ((TrajectoryReported) event).trajectory();
    }

    private static InboundMessage message(String body) {
        return new InboundMessage("horizon", "application/xml", StandardCharsets.UTF_8,
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
