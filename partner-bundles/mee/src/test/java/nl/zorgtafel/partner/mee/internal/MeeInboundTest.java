package nl.zorgtafel.partner.mee.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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

class MeeInboundTest {

    static final String HEADER =
            "bsn;voornamen;achternaam;geboortedatum;trajectnummer;trajectsoort;startdatum;einddatum;reden_einde;zorgsignaal\n";
    /** Lisa's row of the contract example, without its worry. */
    static final String LISA = "999990019;Lisa;de Vries;03-11-1997;MEE-88121;clientondersteuning;02-03-2015;;;\n";
    static final YouthIdentity LISA_AT_MEE =
            new YouthIdentity(Bsn.of("999990019"), "Lisa", "de Vries", LocalDate.of(1997, 11, 3));

    private final MeeInbound inbound = new MeeInbound();

    static InboundMessage csv(String text) {
        return new InboundMessage("mee", "text/csv", StandardCharsets.UTF_8, text.getBytes(StandardCharsets.UTF_8));
    }

    private Translated translated(String text) {
        InboundResult result = inbound.translate(csv(text));
        assertThat(result).as("translated").isInstanceOf(Translated.class);
        return (Translated) result;
    }

    private List<Fault> faults(String text) {
        InboundResult result = inbound.translate(csv(text));
        assertThat(result).as("rejected").isInstanceOf(Rejected.class);
        return ((Rejected) result).faults();
    }

    private List<String> locations(String text) {
        return faults(text).stream().map(Fault::location).toList();
    }

    /** A row for Lisa's trajectory with the given end date and reason. */
    private static String lisaEnding(String einddatum, String redenEinde) {
        return HEADER + "999990019;Lisa;de Vries;03-11-1997;MEE-88121;clientondersteuning;02-03-2015;"
                + einddatum + ";" + redenEinde + ";\n";
    }

    private TrajectoryEnding endingOf(String text) {
        return ((TrajectoryReported) translated(text).events().get(0)).trajectory().ending();
    }

    @Nested
    class Translating {

        @Test
        void contractExampleGivesLisasEarlyEndWithHerWorryAndSamiraWithoutBsn() throws IOException {
            byte[] example = Files.readAllBytes(Path.of("src/test/resources/samples/valid/contract-example.csv"));

            Translated translated = (Translated) inbound.translate(
                    new InboundMessage("mee", "text/csv", StandardCharsets.UTF_8, example));

            YouthIdentity samira = new YouthIdentity(null, "Samira", "El Idrissi", LocalDate.of(1999, 2, 14));
            assertThat(translated.events()).containsExactly(
                    new TrajectoryReported(LISA_AT_MEE, new CareTrajectory("MEE-88121", "clientondersteuning",
                            LocalDate.of(2015, 3, 2), new TrajectoryEnding(LocalDate.of(2015, 5, 12),
                            TrajectoryEnding.Kind.EARLY, "voortijdig-client"))),
                    new SignalReported(LISA_AT_MEE, new Signal("MEE-88121/zorgsignaal", SignalCategory.OTHER,
                            Urgency.NORMAL, "Lisa komt niet meer op afspraken; moeder zegt dat ze \"bij een vriend\" slaapt",
                            LocalDate.of(2015, 3, 2))),
                    new TrajectoryReported(samira, new CareTrajectory("MEE-88140", "gezinsondersteuning",
                            LocalDate.of(2015, 4, 20), null)));
            assertThat(translated.ignored()).isEmpty();
        }

        @Test
        void rowWithoutEinddatumIsARunningTrajectory() {
            assertThat(endingOf(HEADER + LISA)).isNull();
        }

        @ParameterizedTest
        @CsvSource({
            "afgerond, PLANNED, afgerond",
            "voortijdig-client, EARLY, voortijdig-client",
            "voortijdig-mee, EARLY, voortijdig-mee",
            "overgedragen, UNKNOWN, overgedragen",
            "Voortijdig-Client, EARLY, voortijdig-client",
            "verhuisd, UNKNOWN, verhuisd"})
        void redenEindeDecidesHowTheTrajectoryEndedAndIsKeptAsReason(String reden, TrajectoryEnding.Kind kind,
                                                                   String reason) {
            assertThat(endingOf(lisaEnding("12-05-2015", reden)))
                    .isEqualTo(new TrajectoryEnding(LocalDate.of(2015, 5, 12), kind, reason));
        }

        @Test
        void einddatumWithoutRedenEndsUnknownWithoutReason() {
            assertThat(endingOf(lisaEnding("12-05-2015", "")))
                    .isEqualTo(new TrajectoryEnding(LocalDate.of(2015, 5, 12), TrajectoryEnding.Kind.UNKNOWN, ""));
        }

        @Test
        void trajectoryMayEndOnTheDayItStarted() {
            assertThat(endingOf(lisaEnding("02-03-2015", "afgerond")).endedOn()).isEqualTo(LocalDate.of(2015, 3, 2));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "01-03-2015 | afgerond | line 2, column einddatum (before startdatum: the ending is not taken)",
            "'' | afgerond | line 2, column reden_einde (no einddatum: the trajectory runs on)"})
        void endingTheModelCannotHoldIsNoFaultButIsLeftOutAndNamedInIgnored(String einddatum, String reden,
                                                                           String ignored) {
            Translated translated = translated(lisaEnding(einddatum, reden));

            assertThat(((TrajectoryReported) translated.events().get(0)).trajectory().ending()).isNull();
            assertThat(translated.ignored()).containsExactly(ignored);
        }

        @Test
        void unknownTrajectsoortIsTakenAsWritten() {
            Translated translated = translated(HEADER
                    + "999990019;Lisa;de Vries;03-11-1997;MEE-88121;Logeeropvang weekend;02-03-2015;;;\n");

            assertThat(((TrajectoryReported) translated.events().get(0)).trajectory().kind())
                    .isEqualTo("Logeeropvang weekend");
        }

        @Test
        void zorgsignaalIsANormalSignalOfCategoryOtherObservedOnStartdatumAfterItsTrajectory() {
            List<PartnerEvent> events = translated(HEADER
                    + "999990019;Lisa;de Vries;03-11-1997;MEE-88121;clientondersteuning;02-03-2015;;;Zorgen om Lisa\n")
                    .events();

            assertThat(events).hasSize(2).first().isInstanceOf(TrajectoryReported.class);
            assertThat(events.get(1)).isEqualTo(new SignalReported(LISA_AT_MEE, new Signal("MEE-88121/zorgsignaal",
                    SignalCategory.OTHER, Urgency.NORMAL, "Zorgen om Lisa", LocalDate.of(2015, 3, 2))));
        }

        @Test
        void rowWithoutZorgsignaalGivesNoSignal() {
            assertThat(translated(HEADER + LISA).events()).singleElement().isInstanceOf(TrajectoryReported.class);
        }

        @Test
        void emptyBsnCellIsAYouthWithoutBsn() {
            YouthIdentity youth = translated(HEADER
                    + ";Samira;El Idrissi;14-02-1999;MEE-88140;gezinsondersteuning;20-04-2015;;;\n")
                    .events().get(0).youth();

            assertThat(youth.knownBsn()).isEmpty();
        }

        @Test
        void fileWithoutBsnColumnIsYouthsWithoutBsn() {
            YouthIdentity youth = translated("""
                    voornamen;achternaam;geboortedatum;trajectnummer;trajectsoort;startdatum
                    Samira;El Idrissi;14-02-1999;MEE-88140;gezinsondersteuning;20-04-2015
                    """).events().get(0).youth();

            assertThat(youth).isEqualTo(new YouthIdentity(null, "Samira", "El Idrissi", LocalDate.of(1999, 2, 14)));
        }

        @Test
        void columnsAreFoundByNameWithoutCaseOrSurroundingSpacesInAnyOrder() {
            Translated translated = translated("""
                     STARTDATUM ;Trajectsoort;TrajectNummer;GeboorteDatum; Achternaam;Voornamen;BSN
                    02-03-2015;clientondersteuning;MEE-88121;03-11-1997;de Vries;Lisa;999990019
                    """);

            assertThat(translated.events()).containsExactly(new TrajectoryReported(LISA_AT_MEE,
                    new CareTrajectory("MEE-88121", "clientondersteuning", LocalDate.of(2015, 3, 2), null)));
        }

        @Test
        void cellsAreStrippedOfSurroundingSpaces() {
            Translated translated = translated(HEADER
                    + " 999990019 ; Lisa ;de Vries ; 03-11-1997;MEE-88121 ;clientondersteuning; 02-03-2015;;;\n");

            assertThat(translated.events().get(0).youth()).isEqualTo(LISA_AT_MEE);
        }

        @Test
        void columnMeeAddedIsNamedInIgnoredWithoutItsCells() {
            Translated translated = translated("""
                    voornamen;achternaam;geboortedatum;trajectnummer;trajectsoort;startdatum;Opmerking
                    Lisa;de Vries;03-11-1997;MEE-88121;clientondersteuning;02-03-2015;bel moeder
                    """);

            assertThat(translated.ignored()).containsExactly("column opmerking");
        }

        @Test
        void columnWithANameThatMayBePersonalIsNamedByPositionOnly() {
            Translated translated = translated("""
                    voornamen;achternaam;geboortedatum;trajectnummer;trajectsoort;startdatum;999990019
                    Lisa;de Vries;03-11-1997;MEE-88121;clientondersteuning;02-03-2015;x
                    """);

            assertThat(translated.ignored()).containsExactly("column 7 (an unknown name)");
        }

        @Test
        void emptyColumnWithoutNameIsHarmlessAsExcelWritesTrailingSeparators() {
            Translated translated = translated("""
                    voornamen;achternaam;geboortedatum;trajectnummer;trajectsoort;startdatum;;
                    Lisa;de Vries;03-11-1997;MEE-88121;clientondersteuning;02-03-2015;;;;
                    """);

            assertThat(translated.events()).hasSize(1);
            assertThat(translated.ignored()).isEmpty();
        }

        @Test
        void headerWithoutRowsIsADayWithoutChanges() {
            assertThat(translated(HEADER + "\r\n\r\n").events()).isEmpty();
        }

        @Test
        void blankLinesAndLinesOfSeparatorsOnlyAreSkippedAnywhere() {
            assertThat(translated("\n" + HEADER + "\n;;;;;;;;;\n" + LISA + "\n\n").events()).hasSize(1);
        }

        @Test
        void sameTrajectnummerTwiceGivesTwoReportsInFileOrderTheLaterUpdating() {
            List<PartnerEvent> events = translated(HEADER + LISA + lisaEnding("12-05-2015", "afgerond")
                    .substring(HEADER.length())).events();

            assertThat(events).extracting(e -> ((TrajectoryReported) e).trajectory().knownEnding().isPresent())
                    .containsExactly(false, true);
        }

        @Test
        void exactlyTheRowLimitIsAccepted() {
            StringBuilder file = new StringBuilder(HEADER);
            for (int i = 0; i < MeeInbound.MAX_ROWS; i++) {
                file.append(LISA);
            }

            assertThat(translated(file.toString()).events()).hasSize(MeeInbound.MAX_ROWS);
        }
    }

    @Nested
    class Rejecting {

        @Test
        void everyFaultyRowIsListedNotOnlyTheFirstAndNoRowIsApplied() {
            InboundResult result = inbound.translate(csv(HEADER
                    + LISA
                    + "999990159;Noor;Hendriks;31-02-1997;MEE-88122;clientondersteuning;02-03-2015;;;\n"
                    + LISA
                    + "999990010;Julia;Peters;01-01-1998;MEE-88141;dagbesteding;20-04-2015;;;\n"
                    + "999990160;Anouk;;12-12-1998;MEE-88142;dagbesteding;2015-04-20;;;\n"));

            assertThat(result).isInstanceOf(Rejected.class);
            assertThat(((Rejected) result).faults()).containsExactly(
                    new Fault("line 3, column geboortedatum", "not a date in the form dd-MM-yyyy"),
                    new Fault("line 5, column bsn", "not a BSN: it fails the elfproef"),
                    new Fault("line 6, column achternaam", "required"),
                    new Fault("line 6, column startdatum", "not a date in the form dd-MM-yyyy"));
        }

        @Test
        void eachMissingRequiredColumnIsAFaultAtHeader() {
            assertThat(faults("bsn;voornamen;geboortedatum;trajectnummer;trajectsoort;einddatum\n" + LISA))
                    .containsExactly(
                            new Fault("header", "required column achternaam is missing"),
                            new Fault("header", "required column startdatum is missing"));
        }

        @Test
        void fileWithoutHeaderRowMissesEveryRequiredColumn() {
            assertThat(faults(LISA)).hasSize(Header.REQUIRED.size()).allMatch(f -> f.location().equals("header"));
        }

        @Test
        void columnNamedTwiceIsAFaultAtHeader() {
            assertThat(faults("voornamen;achternaam;geboortedatum;trajectnummer;trajectsoort;startdatum;StartDatum\n"))
                    .containsExactly(new Fault("header", "column startdatum appears more than once"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"voornamen", "achternaam", "geboortedatum", "trajectnummer", "trajectsoort",
            "startdatum"})
        void emptyRequiredCellIsAFault(String column) {
            int index = List.of(HEADER.strip().split(";")).indexOf(column);
            String[] cells = LISA.strip().split(";", -1);
            cells[index] = "  ";

            assertThat(faults(HEADER + String.join(";", cells) + "\n"))
                    .containsExactly(new Fault("line 2, column " + column, "required"));
        }

        @ParameterizedTest
        @CsvSource({"geboortedatum, 3", "startdatum, 6", "einddatum, 7"})
        void dateNotInTheFormDdMmYyyyIsAFault(String column, int index) {
            String[] cells = LISA.strip().split(";", -1);
            cells[index] = "2015-03-02";

            assertThat(faults(HEADER + String.join(";", cells) + "\n"))
                    .containsExactly(new Fault("line 2, column " + column, "not a date in the form dd-MM-yyyy"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"9,99990E+08", "9999900190", "99999-0019", "BSN onbekend"})
        void bsnThatIsNotNineDigitsIsAFault(String bsn) {
            assertThat(faults(HEADER + LISA.replace("999990019", bsn)))
                    .containsExactly(new Fault("line 2, column bsn", "not a BSN: 9 digits, or 8 that lost their leading zero"));
        }

        @Test
        void bsnFailingTheElfproefIsAFault() {
            assertThat(faults(HEADER + LISA.replace("999990019", "999990018")))
                    .containsExactly(new Fault("line 2, column bsn", "not a BSN: it fails the elfproef"));
        }

        @Test
        void eightDigitsAreReadAsABsnThatLostItsLeadingZeroAndThenMeetTheElfproef() {
            // 099999001 fails the elfproef: the fault is the elfproef's, not the length's
            assertThat(faults(HEADER + LISA.replace("999990019", "99999001")))
                    .containsExactly(new Fault("line 2, column bsn", "not a BSN: it fails the elfproef"));
        }

        @Test
        void faultsNeverQuoteTheCell() {
            List<Fault> faults = faults(HEADER
                    + "999990018;Lisa;de Vries;03-11-97;MEE-88121;clientondersteuning;02-03-2015;;;\n");

            assertThat(faults).hasSize(2).allSatisfy(fault -> assertThat(fault.toString())
                    .doesNotContain("99999").doesNotContain("Lisa").doesNotContain("Vries").doesNotContain("97"));
        }

        @Test
        void shortTextOverTwoHundredCharactersIsAFault() {
            assertThat(faults(HEADER + LISA.replace("MEE-88121", "M".repeat(201))))
                    .containsExactly(new Fault("line 2, column trajectnummer", "longer than 200 characters"));
        }

        @Test
        void fieldOverTheLengthLimitIsAFaultOnceAtItsLineAndColumn() {
            String worry = "x".repeat(MeeInbound.MAX_FIELD_LENGTH + 1);

            assertThat(faults(HEADER + LISA.strip() + "\"" + worry + "\"\n"))
                    .containsExactly(new Fault("line 2, column zorgsignaal", "longer than 4000 characters"));
        }

        @Test
        void valueInAColumnTheHeaderDoesNotNameIsAFault() {
            assertThat(locations(HEADER + LISA.strip() + "Zorgen;en nog wat\n")).containsExactly("line 2, column 11");
        }

        @Test
        void faultNamesThePhysicalLineWhereItsRecordStarts() {
            String lisaWithWorryOverThreeLines = LISA.strip() + "\"een\r\ntwee\r\ndrie\"\r\n";

            assertThat(locations(HEADER + "\n" + lisaWithWorryOverThreeLines + LISA.replace("03-11-1997", "3-11-1997")))
                    .containsExactly("line 6, column geboortedatum");
        }

        @Test
        void sampleWithAWorryOverThreeLinesHasExactlyItsTwoFaultsOnTheLinesTheirRowsStart() throws IOException {
            byte[] sample = Files.readAllBytes(
                    Path.of("src/test/resources/samples/invalid/lines-counted-across-quoted-breaks.csv"));

            InboundResult result = inbound.translate(new InboundMessage("mee", "text/csv", StandardCharsets.UTF_8, sample));

            assertThat(((Rejected) result).faults()).containsExactly(
                    new Fault("line 5, column einddatum", "not a date in the form dd-MM-yyyy"),
                    new Fault("line 6, column zorgsignaal", "a quoted field is not closed before the end of the file"));
        }

        @Test
        void quotedFieldNeverClosedIsAFaultOfItsRow() {
            assertThat(faults(HEADER + LISA + LISA.strip() + "\"Zorgen\n"))
                    .containsExactly(new Fault("line 3, column zorgsignaal",
                            "a quoted field is not closed before the end of the file"));
        }

        @Test
        void emptyBodyIsAFault() {
            assertThat(faults("")).containsExactly(new Fault("body", "is empty"));
        }

        @Test
        void bodyOfBlankLinesOnlyHasNoHeaderRow() {
            assertThat(faults("\r\n\r\n")).containsExactly(new Fault("body", "holds no header row"));
        }

        @Test
        void oneRowOverTheLimitIsAFault() {
            StringBuilder file = new StringBuilder(HEADER);
            for (int i = 0; i <= MeeInbound.MAX_ROWS; i++) {
                file.append(LISA);
            }

            assertThat(faults(file.toString()))
                    .containsExactly(new Fault("body", "has more than 100000 rows; split it into smaller files"));
        }

        @Test
        void bodyOverTheByteLimitIsRefusedUnread() {
            byte[] body = new byte[MeeInbound.MAX_BYTES + 1];

            InboundResult result = inbound.translate(new InboundMessage("mee", "text/csv", StandardCharsets.UTF_8, body));

            assertThat(result).isEqualTo(InboundResult.rejected(List.of(new Fault("body", "is larger than 32 MiB"))));
        }

        @Test
        void faultsStopAtTheCapWithALastFaultSayingMoreFollow() {
            StringBuilder file = new StringBuilder(HEADER);
            for (int i = 0; i < MeeInbound.MAX_FAULTS + 10; i++) {
                file.append(LISA.replace("03-11-1997", "1997"));
            }

            List<Fault> faults = faults(file.toString());

            assertThat(faults).hasSize(MeeInbound.MAX_FAULTS + 1);
            assertThat(faults.get(faults.size() - 1))
                    .isEqualTo(new Fault("body", "has more faults than the 1000 listed here"));
        }
    }

    @Nested
    class MessageId {

        @Test
        void anExportCarriesNoIdOfItsOwnSoTheCoreUsesTheKeyOrTheBodyHash() {
            assertThat(inbound.messageId(csv(HEADER + LISA))).isEmpty();
            assertThat(inbound.messageId(csv("\u0000\u0001"))).isEmpty();
        }
    }
}
