package nl.zorgtafel.partner.ggz.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import nl.zorgtafel.api.model.Bsn;
import nl.zorgtafel.api.model.CareTrajectory;
import nl.zorgtafel.api.model.Signal;
import nl.zorgtafel.api.model.SignalCategory;
import nl.zorgtafel.api.model.TrajectoryEnding;
import nl.zorgtafel.api.model.Urgency;
import nl.zorgtafel.api.model.YouthIdentity;
import nl.zorgtafel.api.partner.Fault;
import nl.zorgtafel.api.partner.InboundMessage;
import nl.zorgtafel.api.partner.InboundResult;
import nl.zorgtafel.api.partner.InboundResult.Rejected;
import nl.zorgtafel.api.partner.InboundResult.Translated;
import nl.zorgtafel.api.partner.PartnerEvent;
import nl.zorgtafel.api.partner.PartnerEvent.SignalReported;
import nl.zorgtafel.api.partner.PartnerEvent.TrajectoryReported;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FhirInboundTest {

    private static final String LISA_BSN = "999990019";
    private static final String PATIENT_LISA = """
            {"fullUrl": "urn:uuid:lisa", "resource": {"resourceType": "Patient", "id": "lisa",
              "identifier": [{"system": "http://fhir.nl/fhir/NamingSystem/bsn", "value": "999990019"}],
              "name": [{"family": "de Vries", "given": ["Lisa"]}], "birthDate": "1997-11-03"}}""";
    private static final String FLAG_FOR_LISA = """
            {"resource": {"resourceType": "Flag", "id": "f1",
              "code": {"coding": [{"system": "urn:nl:zorgtafel:signal-category", "code": "runaway"}], "text": "weg"},
              "subject": {"reference": "urn:uuid:lisa"}, "period": {"start": "2015-05-11"}}}""";

    private final FhirInbound inbound = new FhirInbound(new FhirJson());

    @Nested
    class Translating {

        @Test
        void contractExampleGivesACrisisSignalAndAPlannedTrajectory() throws IOException {
            Translated translated = translated(sample("valid/contract-example.json"));

            YouthIdentity lisa = new YouthIdentity(Bsn.of(LISA_BSN), "Lisa", "de Vries", LocalDate.of(1997, 11, 3));
            assertThat(translated.events()).containsExactly(
                    new SignalReported(lisa, new Signal("ggz-2015-000173/entry[1]", SignalCategory.PROSTITUTION,
                            Urgency.CRISIS, "Cliënte vertelt dat zij 'voor een vriend' werkt en veel geld verdient",
                            LocalDate.of(2015, 5, 11))),
                    new TrajectoryReported(lisa, new CareTrajectory("ggz-2015-000173/entry[2]",
                            "Ambulante behandeling jeugd-GGZ", LocalDate.of(2014, 9, 1),
                            new TrajectoryEnding(LocalDate.of(2015, 2, 15), TrajectoryEnding.Kind.PLANNED, "finished"))));
            assertThat(translated.ignored()).isEmpty();
        }

        @Test
        void realNlCorePatientIsReadPastItsExtensionsAndFoundAsPatientId() throws IOException {
            String nlCorePatient = Files.readString(Path.of("src/test/resources/fhir/nl-core-patient-zib-example.json"));
            String message = bundle("""
                    {"resource": %s},
                    {"resource": {"resourceType": "EpisodeOfCare", "id": "e1", "status": "active",
                      "patient": {"reference": "Patient/zib-languageproficiency-example"},
                      "period": {"start": "2020-02-01"}}}""".formatted(nlCorePatient));

            YouthIdentity youth = translated(message).events().get(0).youth();

            // "A." carries the initials qualifier and is left out beside the full given name
            assertThat(youth).isEqualTo(new YouthIdentity(Bsn.of("999990081"), "Alex", "XXX_Helleman",
                    LocalDate.of(1964, 8, 2)));
        }

        @Test
        void referenceMayPointForwardToAPatientLaterInTheBundle() {
            Translated translated = translated(bundle(FLAG_FOR_LISA + ",\n" + PATIENT_LISA));

            assertThat(translated.events()).singleElement()
                    .satisfies(event -> assertThat(event.youth().familyName()).isEqualTo("de Vries"));
        }

        @Test
        void referenceByPatientIdFindsTheEntry() {
            String flag = FLAG_FOR_LISA.replace("urn:uuid:lisa", "Patient/lisa");

            assertThat(translated(withLisa(flag)).events()).hasSize(1);
        }

        @Test
        void youthWithoutBsnOrBirthDateIsStillAYouth() {
            String patient = """
                    {"fullUrl": "urn:uuid:lisa", "resource": {"resourceType": "Patient",
                      "name": [{"family": "Petrova", "given": ["Ana", "Maria"]}]}}""";

            YouthIdentity youth = translated(bundle(patient + ",\n" + FLAG_FOR_LISA)).events().get(0).youth();

            assertThat(youth).isEqualTo(new YouthIdentity(null, "Ana Maria", "Petrova", null));
        }

        @Test
        void givenNamesThatAreAllInitialsAreKept() {
            String patient = PATIENT_LISA.replace("\"given\": [\"Lisa\"]", """
                    "given": ["L.", "M."], "_given": [
                      {"extension": [{"url": "http://hl7.org/fhir/StructureDefinition/iso21090-EN-qualifier", "valueCode": "IN"}]},
                      {"extension": [{"url": "http://hl7.org/fhir/StructureDefinition/iso21090-EN-qualifier", "valueCode": "IN"}]}]""");

            YouthIdentity youth = translated(bundle(patient + ",\n" + FLAG_FOR_LISA)).events().get(0).youth();

            assertThat(youth.givenName()).isEqualTo("L. M.");
        }

        @Test
        void unknownResourcesAndTheMessageHeaderAreIgnoredAndNamed() {
            String message = bundle(PATIENT_LISA + """
                    ,
                    {"resource": {"resourceType": "MessageHeader"}},
                    {"resource": {"resourceType": "Observation", "valueString": "999990019"}},
                    {"request": {"method": "DELETE", "url": "Flag/f0"}}""");

            Translated translated = translated(message);

            assertThat(translated.ignored()).containsExactly(
                    "Bundle.entry[1].resource (MessageHeader)",
                    "Bundle.entry[2].resource (Observation)",
                    "Bundle.entry[3] (no resource)");
        }

        @Test
        void singleUnknownResourceIsIgnoredByItsType() {
            Translated translated = translated("{\"resourceType\": \"Observation\", \"id\": \"o1\"}");

            assertThat(translated.events()).isEmpty();
            assertThat(translated.ignored()).containsExactly("Observation");
        }

        @Test
        void flagWithoutTableCategoryIsOtherAndSafetyFromAnotherSystemIsNoCrisis() {
            String flag = """
                    {"resource": {"resourceType": "Flag", "id": "f2",
                      "category": [{"coding": [{"system": "urn:other", "code": "safety"}]}],
                      "code": {"coding": [{"system": "urn:other", "code": "prostitution"}]},
                      "subject": {"reference": "urn:uuid:lisa"}, "period": {"start": "2015-05-11"}}}""";

            Signal signal = signal(translated(withLisa(flag)));

            assertThat(signal.category()).isEqualTo(SignalCategory.OTHER);
            assertThat(signal.urgency()).isEqualTo(Urgency.NORMAL);
            assertThat(signal.summary()).isEmpty();
        }

        @Test
        void flagWithIdIsReferencedByIdAndWithoutByItsBundleEntry() {
            String withoutId = FLAG_FOR_LISA.replace("\"id\": \"f1\",", "");

            Translated translated = translated(withLisa(FLAG_FOR_LISA + ",\n" + withoutId));

            assertThat(translated.events()).extracting(event -> ((SignalReported) event).signal().reference())
                    .containsExactly("Flag/f1", "test-bundle/entry[2]");
        }

        @ParameterizedTest
        @CsvSource({
            "finished, 2015-02-15, planned",
            "cancelled, 2015-02-15, early",
            "active, 2015-02-15, ",
            "finished, , ",
        })
        void episodeEndsOnlyWhenFinishedOrCancelledWithAnEndDate(String status, String end, String ending) {
            String period = end == null ? "{\"start\": \"2014-09-01\"}"
                    : "{\"start\": \"2014-09-01\", \"end\": \"" + end + "\"}";
            String episode = """
                    {"resource": {"resourceType": "EpisodeOfCare", "id": "e1", "status": "%s",
                      "type": [{"coding": [{"code": "AMB", "display": "Ambulant"}]}],
                      "patient": {"reference": "urn:uuid:lisa"}, "period": %s}}""".formatted(status, period);

            CareTrajectory trajectory = ((TrajectoryReported) translated(withLisa(episode))
                    .events().get(0)).trajectory();

            assertThat(trajectory.kind()).isEqualTo("Ambulant");
            assertThat(trajectory.knownEnding().map(known -> known.kind().code()).orElse(null)).isEqualTo(ending);
            trajectory.knownEnding().ifPresent(known -> assertThat(known.reason()).isEqualTo(status));
        }

        @ParameterizedTest
        @CsvSource({
            "2015, 2015-01-01",
            "2015-05, 2015-05-01",
            "2015-05-11, 2015-05-11",
            "2015-05-11T23:30:00+02:00, 2015-05-11",
            "2015-05-11T00:15:00.123Z, 2015-05-11",
        })
        void fhirDatesAndDateTimesGiveTheirFirstOrWrittenDay(String written, LocalDate observedOn) {
            String flag = FLAG_FOR_LISA.replace("2015-05-11", written);

            assertThat(signal(translated(withLisa(flag))).observedOn()).isEqualTo(observedOn);
        }
    }

    @Nested
    class Rejecting {

        @Test
        void bsnFailingTheElfproefNamesTheElementNeverTheValue() {
            String patient = PATIENT_LISA.replace(LISA_BSN, "999990018");

            List<Fault> faults = faults(bundle(patient + ",\n" + FLAG_FOR_LISA));

            assertThat(faults).singleElement().satisfies(fault -> {
                assertThat(fault.location()).isEqualTo("Bundle.entry[0].resource.identifier[0].value");
                assertThat(fault.toString()).doesNotContain("999990018");
            });
        }

        @Test
        void missingSubjectIsAFaultAtTheSubject() {
            String flag = FLAG_FOR_LISA.replace("\"subject\": {\"reference\": \"urn:uuid:lisa\"},", "");

            assertThat(locations(withLisa(flag))).containsExactly("Bundle.entry[1].resource.subject");
        }

        @Test
        void unresolvableReferenceIsAFaultThatNeverRepeatsTheReference() {
            // a conditional reference carries a BSN: the fault must not echo it
            String flag = FLAG_FOR_LISA.replace("urn:uuid:lisa",
                    "Patient?identifier=http://fhir.nl/fhir/NamingSystem/bsn|999990020");

            List<Fault> faults = faults(withLisa(flag));

            assertThat(faults).singleElement().satisfies(fault -> {
                assertThat(fault.location()).isEqualTo("Bundle.entry[1].resource.subject");
                assertThat(fault.toString()).doesNotContain("999990020");
            });
        }

        @Test
        void referenceToSomethingOtherThanAPatientIsAFault() {
            String organisation = "{\"fullUrl\": \"urn:uuid:org\", \"resource\": {\"resourceType\": \"Organization\"}}";
            String flag = FLAG_FOR_LISA.replace("urn:uuid:lisa", "urn:uuid:org");

            assertThat(locations(withLisa(organisation + ",\n" + flag)))
                    .containsExactly("Bundle.entry[2].resource.subject");
        }

        @ParameterizedTest
        @ValueSource(strings = {"15-05-2015", "2015/05/11", "2015-13-01", "2015-02-30", "2015-05-11T10:00",
            "2015-05-11T10:00:00", "gisteren", "20150511"})
        void dateThatIsNotAFhirDateIsAFaultAtItsElement(String written) {
            String flag = FLAG_FOR_LISA.replace("2015-05-11", written);

            List<Fault> faults = faults(withLisa(flag));

            assertThat(faults).extracting(Fault::location).containsExactly("Bundle.entry[1].resource.period.start");
            assertThat(faults.get(0).problem()).doesNotContain(written);
        }

        @Test
        void dateAsAJsonNumberIsAFault() {
            String flag = FLAG_FOR_LISA.replace("\"2015-05-11\"", "20150511");

            assertThat(faults(withLisa(flag))).singleElement()
                    .isEqualTo(new Fault("Bundle.entry[1].resource.period.start", "must be a JSON string"));
        }

        @Test
        void episodeEndingBeforeItStartsIsAFaultAtTheEnd() {
            String episode = """
                    {"resource": {"resourceType": "EpisodeOfCare", "id": "e1", "status": "finished",
                      "patient": {"reference": "urn:uuid:lisa"},
                      "period": {"start": "2015-02-15", "end": "2014-09-01"}}}""";

            assertThat(locations(withLisa(episode)))
                    .containsExactly("Bundle.entry[1].resource.period.end");
        }

        @Test
        void unknownCodeInTheCategorySystemIsAFault() {
            String flag = FLAG_FOR_LISA.replace("\"runaway\"", "\"drugs\"");

            assertThat(locations(withLisa(flag)))
                    .containsExactly("Bundle.entry[1].resource.code.coding[0].code");
        }

        @Test
        void wrongJsonTypesAreFaultsNotExceptions() {
            String message = """
                    {"resourceType": "Bundle", "id": "b", "type": "collection", "entry": [
                      {"fullUrl": "urn:uuid:lisa", "resource": {"resourceType": "Patient",
                        "identifier": {"system": "http://fhir.nl/fhir/NamingSystem/bsn"},
                        "name": [{"family": ["de Vries"], "given": "Lisa"}], "birthDate": true}},
                      {"resource": {"resourceType": "Flag", "code": [], "subject": "urn:uuid:lisa",
                        "period": {"start": {"value": "2015-05-11"}}}},
                      {"resource": {"resourceType": 7}},
                      "entry"
                    ]}""";

            assertThat(locations(message)).containsExactlyInAnyOrder(
                    "Bundle.entry[0].resource.identifier",
                    "Bundle.entry[0].resource.name[0].family",
                    "Bundle.entry[0].resource.name[0].given",
                    "Bundle.entry[0].resource.birthDate",
                    "Bundle.entry[1].resource.code",
                    "Bundle.entry[1].resource.subject",
                    "Bundle.entry[1].resource.period.start",
                    "Bundle.entry[2].resource.resourceType",
                    "Bundle.entry[3]");
        }

        @Test
        void everyFaultIsListedAtOnce() throws IOException {
            List<String> locations = locations(sample("invalid/all-faults-at-once.json"));

            assertThat(locations).containsExactly(
                    "Bundle.entry[0].resource.identifier[0].value",
                    "Bundle.entry[0].resource.birthDate",
                    "Bundle.entry[1].resource.code.coding[0].code",
                    "Bundle.entry[1].resource.period.start",
                    "Bundle.entry[2].resource.patient",
                    "Bundle.entry[2].resource.period.end");
        }

        @Test
        void nestingDeeperThanTheLimitIsRefusedAtTheBody() {
            String deep = "{\"resourceType\": \"Bundle\", \"meta\": " + "[".repeat(FhirJson.MAX_DEPTH)
                    + "]".repeat(FhirJson.MAX_DEPTH) + "}";

            assertThat(locations(deep)).containsExactly(FhirJson.BODY);
        }

        @Test
        void stringLongerThanTheLimitIsRefusedAtTheBody() {
            String huge = "x".repeat(FhirJson.MAX_STRING_LENGTH + 1);
            String flag = FLAG_FOR_LISA.replace("\"text\": \"weg\"", "\"text\": \"" + huge + "\"");

            List<Fault> faults = faults(withLisa(flag));

            assertThat(faults).extracting(Fault::location).containsExactly(FhirJson.BODY);
        }

        @Test
        void bodyOverTenMebibytesIsRefusedBeforeParsing() {
            byte[] body = new byte[FhirJson.MAX_BYTES + 1];
            Arrays.fill(body, (byte) ' ');

            assertThat(inbound.translate(message(body))).isEqualTo(
                    InboundResult.rejected(List.of(new Fault(FhirJson.BODY, "is larger than 10 MiB"))));
        }

        @Test
        void bytesThatAreNotUtf8AreRefusedNotReplaced() {
            byte[] body = withLisa(FLAG_FOR_LISA).replace("weg", "w\u00ffg")
                    .getBytes(StandardCharsets.ISO_8859_1);

            assertThat(inbound.translate(message(body))).isEqualTo(
                    InboundResult.rejected(List.of(new Fault(FhirJson.BODY, "is not valid UTF-8"))));
        }

        @Test
        void repeatedMemberIsRefusedAsAmbiguous() {
            String patient = PATIENT_LISA.replace("\"id\": \"lisa\",", "\"id\": \"lisa\", \"id\": \"other\",");

            assertThat(locations(bundle(patient + ",\n" + FLAG_FOR_LISA))).containsExactly(FhirJson.BODY);
        }

        @Test
        void parserErrorGivesLineAndColumnButNoInput() {
            List<Fault> faults = faults("{\"resourceType\": \"Bundle\",\n \"id\": 999990019x}");

            assertThat(faults).singleElement().satisfies(fault -> {
                assertThat(fault.problem()).startsWith("is not well-formed JSON (line 2");
                assertThat(fault.toString()).doesNotContain(LISA_BSN);
            });
        }

        @Test
        void bundleWithoutTypeOrWithAnotherTypeIsAFault() {
            assertThat(locations("{\"resourceType\": \"Bundle\", \"id\": \"b\", \"entry\": []}"))
                    .containsExactly("Bundle.type");
            assertThat(locations("{\"resourceType\": \"Bundle\", \"id\": \"b\", \"type\": \"document\"}"))
                    .containsExactly("Bundle.type");
        }

        @Test
        void patientWithoutFamilyNameIsAFault() {
            String patient = PATIENT_LISA.replace("\"family\": \"de Vries\", ", "");

            assertThat(locations(bundle(patient + ",\n" + FLAG_FOR_LISA)))
                    .containsExactly("Bundle.entry[0].resource.name[0].family");
        }

        @Test
        void twoPatientsWithOneFullUrlAreAFault() {
            String twin = PATIENT_LISA.replace("\"id\": \"lisa\"", "\"id\": \"twin\"");

            assertThat(locations(withLisa(twin + ",\n" + FLAG_FOR_LISA)))
                    .containsExactly("Bundle.entry[1].resource");
        }

        @Test
        void singleFlagWithoutIdHasNothingToBeUpdatedBy() {
            String flag = """
                    {"resourceType": "Flag", "contained": [{"resourceType": "Patient", "id": "p",
                      "name": [{"family": "Jansen"}]}],
                      "subject": {"reference": "#p"}, "period": {"start": "2015-05-11"}}""";

            assertThat(locations(flag)).containsExactly("Flag.id");
        }

        @Test
        void jsonThatIsNoResourceIsAFault() {
            assertThat(locations("[1, 2, 3]")).containsExactly(FhirJson.BODY);
            assertThat(locations("{\"resourceType\": \"not a type\"}")).containsExactly("resourceType");
        }
    }

    @Nested
    class MessageId {

        @Test
        void isTheBundleIdOrTheSingleResourceId() throws IOException {
            assertThat(inbound.messageId(message(sample("valid/contract-example.json")))).hasValue("ggz-2015-000173");
            assertThat(inbound.messageId(message("{\"resourceType\": \"Flag\", \"id\": \"f-7\"}"))).hasValue("f-7");
        }

        @Test
        void isReadWithoutValidatingWhatFollows() {
            assertThat(inbound.messageId(message("{\"resourceType\": \"Bundle\", \"id\": \"b-1\", \"entry\": [[[")))
                    .hasValue("b-1");
        }

        @Test
        void isEmptyWhenAbsentNotAFhirIdOrUnreadable() {
            assertThat(inbound.messageId(message("{\"resourceType\": \"Bundle\", \"entry\": []}"))).isEmpty();
            assertThat(inbound.messageId(message("{\"id\": \"with spaces and / slashes\"}"))).isEmpty();
            assertThat(inbound.messageId(message("{\"id\": 12}"))).isEmpty();
            assertThat(inbound.messageId(message("not json"))).isEmpty();
            assertThat(inbound.messageId(message(new byte[0]))).isEmpty();
        }
    }

    private static String bundle(String entries) {
        return "{\"resourceType\": \"Bundle\", \"id\": \"test-bundle\", \"type\": \"collection\", \"entry\": [\n"
                + entries + "\n]}";
    }

    /** A Bundle with Lisa's Patient first and the given entries after it. */
    private static String withLisa(String entries) {
        return bundle(PATIENT_LISA + ",\n" + entries);
    }

    private static String sample(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources/samples", name));
    }

    private static InboundMessage message(String json) {
        return message(json.getBytes(StandardCharsets.UTF_8));
    }

    private static InboundMessage message(byte[] body) {
        return new InboundMessage(GgzAdapter.PARTNER_ID, FhirInbound.MEDIA_TYPE, StandardCharsets.UTF_8, body);
    }

    private Translated translated(String json) {
        InboundResult result = inbound.translate(message(json));
        assertThat(result).isInstanceOf(Translated.class);
        return (Translated) result;
    }

    private List<Fault> faults(String json) {
        InboundResult result = inbound.translate(message(json));
        assertThat(result).isInstanceOf(Rejected.class);
        return ((Rejected) result).faults();
    }

    private List<String> locations(String json) {
        return faults(json).stream().map(Fault::location).toList();
    }

    private static Signal signal(Translated translated) {
        PartnerEvent event = translated.events().get(0);
        assertThat(event).isInstanceOf(SignalReported.class);
        return ((SignalReported) event).signal();
    }
}
