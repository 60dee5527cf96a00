package nl.zorgtafel.partner.jbrr.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.zorgtafel.api.model.Bsn;
import nl.zorgtafel.api.model.Signal;
import nl.zorgtafel.api.model.SignalCategory;
import nl.zorgtafel.api.model.Urgency;
import nl.zorgtafel.api.model.YouthIdentity;
import nl.zorgtafel.api.partner.Fault;
import nl.zorgtafel.api.partner.PartnerEvent.SignalReported;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SignalReaderTest {

    /** The crisis team found Lisa on 27 May 2015; the reader's today is that day. */
    static final Clock MAY_27_2015 = Clock.fixed(
            LocalDate.of(2015, 5, 27).atStartOfDay(ZoneId.of("Europe/Amsterdam")).toInstant(),
            ZoneId.of("Europe/Amsterdam"));
    static final String LISA = """
            {"youth": {"bsn": "999990019", "givenName": "Lisa", "familyName": "de Vries", "birthDate": "1997-11-03"},
             "category": "prostitution", "urgency": "crisis", "summary": "Aangetroffen in een bordeel",
             "observedOn": "2015-05-27", "partnerReference": "CIT-2015-0412"}""";

    private final ObjectMapper mapper = new ObjectMapper();
    private final SignalReader reader = new SignalReader(MAY_27_2015);
    private final List<Fault> faults = new ArrayList<>();
    private final List<String> ignored = new ArrayList<>();

    private ObjectNode lisa() throws Exception {
        return (ObjectNode) mapper.readTree(LISA);
    }

    private Optional<SignalReported> read(JsonNode signal) {
        return reader.read(signal, "signals[3]", "msg-1/signals[3]", faults, ignored);
    }

    private List<Fault> faultsOf(JsonNode signal) {
        assertThat(read(signal)).as("no signal from a faulty one").isEmpty();
        return faults;
    }

    private void assertOnlyFault(JsonNode signal, String field, String problem) {
        assertThat(faultsOf(signal)).containsExactly(new Fault("signals[3]." + field, problem));
    }

    /** Lisa's signal with one field ({@code summary}, {@code youth.bsn}) set to a JSON value, or removed for null. */
    private ObjectNode lisaWith(String field, JsonNode value) throws Exception {
        ObjectNode signal = lisa();
        int dot = field.indexOf('.');
        ObjectNode parent = dot < 0 ? signal : (ObjectNode) signal.get(field.substring(0, dot));
        String name = field.substring(dot + 1);
        if (value == null) {
            parent.remove(name);
        } else {
            parent.set(name, value);
        }
        return signal;
    }

    private ObjectNode lisaWith(String field, String text) throws Exception {
        return lisaWith(field, mapper.getNodeFactory().textNode(text));
    }

    @Test
    void lisasCrisisSignalIsReadWhole() throws Exception {
        assertThat(read(lisa())).contains(new SignalReported(
                new YouthIdentity(Bsn.of("999990019"), "Lisa", "de Vries", LocalDate.of(1997, 11, 3)),
                new Signal("CIT-2015-0412", SignalCategory.PROSTITUTION, Urgency.CRISIS, "Aangetroffen in een bordeel",
                        LocalDate.of(2015, 5, 27))));
        assertThat(faults).isEmpty();
        assertThat(ignored).isEmpty();
    }

    @Test
    void withoutPartnerReferenceTheDefaultReferenceIsUsed() throws Exception {
        ObjectNode signal = lisa();
        signal.remove("partnerReference");

        assertThat(read(signal)).get().extracting(s -> s.signal().reference()).isEqualTo("msg-1/signals[3]");
    }

    @Test
    void withoutUrgencyTheSignalIsNormal() throws Exception {
        ObjectNode signal = lisa();
        signal.remove("urgency");

        assertThat(read(signal)).get().extracting(s -> s.signal().urgency()).isEqualTo(Urgency.NORMAL);
    }

    @Test
    void youthWithoutBsnGivenNameOrBirthDateIsKnownByFamilyNameAlone() throws Exception {
        ObjectNode signal = lisa();
        ((ObjectNode) signal.get("youth")).remove(List.of("bsn", "givenName", "birthDate"));

        assertThat(read(signal)).get().extracting(SignalReported::youth)
                .isEqualTo(new YouthIdentity(null, "", "de Vries", null));
    }

    @Test
    void nullAndBlankOptionalFieldsAreAbsent() throws Exception {
        ObjectNode signal = lisa();
        signal.putNull("summary").put("partnerReference", "  ").putNull("urgency");
        ((ObjectNode) signal.get("youth")).putNull("bsn").put("givenName", " ").putNull("birthDate");

        SignalReported read = read(signal).orElseThrow();

        assertThat(read.youth()).isEqualTo(new YouthIdentity(null, "", "de Vries", null));
        assertThat(read.signal()).isEqualTo(new Signal("msg-1/signals[3]", SignalCategory.PROSTITUTION, Urgency.NORMAL,
                "", LocalDate.of(2015, 5, 27)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"999990018\"", "999990019", "\"9999900190\"", "\"\"", "\"BSN\"", "true"})
    void bsnThatIsNoStringOfNineDigitsPassingTheElfproefIsAFault(String bsn) throws Exception {
        assertOnlyFault(lisaWith("youth.bsn", mapper.readTree(bsn)), "youth.bsn",
                "not a valid BSN (nine digits passing the elfproef)");
    }

    @Test
    void youthThatIsNoObjectIsAFaultAndSoIsItsMissingFamilyName() throws Exception {
        ObjectNode signal = lisa();
        signal.put("youth", "Lisa de Vries");

        assertThat(faultsOf(signal)).containsExactly(
                new Fault("signals[3].youth", "required, an object"),
                new Fault("signals[3].youth.familyName", "required"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "youth.familyName | required",
        "category | required",
        "observedOn | required"})
    void requiredFieldMissingIsAFault(String field, String problem) throws Exception {
        assertOnlyFault(lisaWith(field, (JsonNode) null), field, problem);
    }

    @Test
    void blankRequiredFieldIsMissing() throws Exception {
        assertOnlyFault(lisaWith("category", "   "), "category", "required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"category", "urgency", "summary", "observedOn", "partnerReference"})
    void fieldThatIsNoStringIsAFault(String field) throws Exception {
        assertOnlyFault(lisaWith(field, mapper.getNodeFactory().numberNode(42)), field, "must be a string");
    }

    @ParameterizedTest
    @CsvSource({
        "youth.givenName, 200", "youth.familyName, 200", "summary, 4000", "partnerReference, 200",
        "category, 64", "urgency, 16", "observedOn, 10", "youth.birthDate, 10"})
    void fieldLongerThanTheApiAllowsIsAFault(String field, int maxLength) throws Exception {
        assertOnlyFault(lisaWith(field, "x".repeat(maxLength + 1)), field, "longer than " + maxLength + " characters");
    }

    @Test
    void fieldExactlyAtItsLimitIsTaken() throws Exception {
        assertThat(read(lisaWith("summary", "x".repeat(SignalReader.MAX_TEXT)))).isPresent();
    }

    @Test
    void unknownCategoryIsAFaultNamingTheCodes() throws Exception {
        assertOnlyFault(lisaWith("category", "mensenhandel"), "category",
                "not one of exploitation-suspected, prostitution, loverboy, runaway, school-dropout, other");
    }

    @Test
    void codesAreLowerCase() throws Exception {
        assertOnlyFault(lisaWith("urgency", "CRISIS"), "urgency", "not one of normal, crisis");
    }

    @ParameterizedTest
    @ValueSource(strings = {"27-05-2015", "2015-02-30", "2015-5-27", "20150527", "gisteren"})
    void dateThatIsNoIsoDateIsAFault(String date) throws Exception {
        ObjectNode signal = lisa();
        signal.put("observedOn", date);
        ((ObjectNode) signal.get("youth")).put("birthDate", date);

        assertThat(faultsOf(signal)).containsExactly(
                new Fault("signals[3].youth.birthDate", "not a date (yyyy-MM-dd)"),
                new Fault("signals[3].observedOn", "not a date (yyyy-MM-dd)"));
    }

    @Test
    void observedTomorrowIsAllowedForTimeZonesButLaterLiesInTheFuture() throws Exception {
        assertThat(read(lisaWith("observedOn", "2015-05-28"))).isPresent();
        assertOnlyFault(lisaWith("observedOn", "2015-05-29"), "observedOn", "lies in the future");
    }

    @Test
    void signalThatIsNoObjectIsAFaultAtItsPath() throws Exception {
        assertThat(faultsOf(mapper.readTree("\"Lisa de Vries, prostitutie\"")))
                .containsExactly(new Fault("signals[3]", "not an object"));
    }

    @Test
    void everyFaultOfASignalIsListedInTheApisOrder() throws Exception {
        JsonNode signal = mapper.readTree("""
                {"youth": {"bsn": "123", "givenName": 1, "birthDate": "x"}, "category": "x", "urgency": "x",
                 "summary": 1, "observedOn": "x", "partnerReference": 1}""");

        assertThat(faultsOf(signal)).extracting(Fault::location).containsExactly(
                "signals[3].youth.bsn", "signals[3].youth.givenName", "signals[3].youth.familyName",
                "signals[3].youth.birthDate", "signals[3].category", "signals[3].urgency", "signals[3].summary",
                "signals[3].observedOn", "signals[3].partnerReference");
    }

    @Test
    void faultsNeverShowTheValue() throws Exception {
        ObjectNode signal = lisa();
        ((ObjectNode) signal.get("youth")).put("bsn", "999990018").put("birthDate", "Lisa de Vries");

        assertThat(faultsOf(signal)).isNotEmpty().allSatisfy(fault ->
                assertThat(fault.toString()).doesNotContain("999990018").doesNotContain("Lisa").doesNotContain("Vries"));
    }

    @Test
    void membersTheShapeDoesNotHaveAreNamedInIgnoredByPathWithoutTheirValue() throws Exception {
        ObjectNode signal = lisa().put("registeredBy", "team Noord");
        ((ObjectNode) signal.get("youth")).put("nickname", "Lies").put("bsn999990019", "x");

        read(signal);

        assertThat(ignored).containsExactly("signals[3].registeredBy", "signals[3].youth.nickname",
                "signals[3].youth (a member with an unusual name)");
    }
}
