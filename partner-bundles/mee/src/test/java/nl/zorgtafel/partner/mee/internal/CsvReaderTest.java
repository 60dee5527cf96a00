package nl.zorgtafel.partner.mee.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static List<CsvRecord> readAll(String text) {
        return readAll(text, 4000, 200);
    }

    private static List<CsvRecord> readAll(String text, int maxFieldLength, int maxFields) {
        CsvReader reader = new CsvReader(text, maxFieldLength, maxFields);
        List<CsvRecord> records = new ArrayList<>();
        for (Optional<CsvRecord> record = reader.next(); record.isPresent(); record = reader.next()) {
            records.add(record.get());
        }
        return records;
    }

    @Test
    void fieldsAreSeparatedBySemicolons() {
        assertThat(readAll("a;b;;d")).containsExactly(new CsvRecord(1, List.of("a", "b", "", "d"), List.of()));
    }

    @Test
    void quotedFieldKeepsSemicolonsAndDoubledQuotes() {
        CsvRecord record = readAll("x;\"een; \"\"twee\"\"\";y").get(0);

        assertThat(record.fields()).containsExactly("x", "een; \"twee\"", "y");
        assertThat(record.flaws()).isEmpty();
    }

    @Test
    void quoteInsideAnUnquotedFieldIsTakenAsWritten() {
        assertThat(readAll("Lisa \"Li\" de Vries;b").get(0).fields()).containsExactly("Lisa \"Li\" de Vries", "b");
    }

    @Test
    void crLfLfAndLoneCrEachEndALine() {
        List<CsvRecord> records = readAll("a\r\nb\nc\rd");

        assertThat(records).extracting(CsvRecord::line).containsExactly(1, 2, 3, 4);
        assertThat(records).extracting(r -> r.fields().get(0)).containsExactly("a", "b", "c", "d");
    }

    @Test
    void lastLineBreakEndsNoRecord() {
        assertThat(readAll("a;b\r\n")).hasSize(1);
    }

    @Test
    void emptyTextHasNoRecords() {
        assertThat(readAll("")).isEmpty();
    }

    @Test
    void blankLineIsARecordOfOneEmptyField() {
        List<CsvRecord> records = readAll("a\n\nb\n");

        assertThat(records).extracting(CsvRecord::isBlank).containsExactly(false, true, false);
        assertThat(records.get(2).line()).isEqualTo(3);
    }

    @Test
    void lineOfSeparatorsOnlyIsBlank() {
        assertThat(readAll(";;; ;").get(0).isBlank()).isTrue();
    }

    @Test
    void lineBreaksInsideQuotesAreCountedSoTheNextRecordStartsOnItsPhysicalLine() {
        List<CsvRecord> records = readAll("h1;h2\r\n1;\"een\r\ntwee\ndrie\"\r\n2;x\r\n");

        assertThat(records).extracting(CsvRecord::line).containsExactly(1, 2, 5);
        assertThat(records.get(1).fields()).containsExactly("1", "een\ntwee\ndrie");
    }

    @Test
    void spacesAfterAClosingQuoteAreHarmless() {
        CsvRecord record = readAll("\"a\"  ;b").get(0);

        assertThat(record.fields()).containsExactly("a", "b");
        assertThat(record.flaws()).isEmpty();
    }

    @Test
    void textAfterAClosingQuoteIsAFlawOfThatField() {
        CsvRecord record = readAll("x;\"Lisa\" Marie;y").get(0);

        assertThat(record.flaws()).containsExactly(new CsvRecord.Flaw(1, "has text after its closing quote"));
        assertThat(record.fields()).containsExactly("x", "Lisa", "y");
    }

    @Test
    void quoteNeverClosedIsAFlawOfTheRecordWhereItStarted() {
        List<CsvRecord> records = readAll("a;b\nc;\"open\nmore\nstill more");

        assertThat(records).hasSize(2);
        assertThat(records.get(1).line()).isEqualTo(2);
        assertThat(records.get(1).flaws())
                .containsExactly(new CsvRecord.Flaw(1, "a quoted field is not closed before the end of the file"));
    }

    @Test
    void fieldOverTheLengthLimitIsAFlawAndItsExcessIsNotKept() {
        CsvRecord record = readAll("abcdefgh;\"ijklmnop\";ok", 5, 10).get(0);

        assertThat(record.fields()).containsExactly("abcde", "ijklm", "ok");
        assertThat(record.flaws()).containsExactly(
                new CsvRecord.Flaw(0, "longer than 5 characters"),
                new CsvRecord.Flaw(1, "longer than 5 characters"));
    }

    @Test
    void fieldExactlyAtTheLengthLimitIsWhole() {
        assertThat(readAll("abcde", 5, 10).get(0).flaws()).isEmpty();
    }

    @Test
    void recordOverTheFieldLimitIsAFlawAndItsExtraFieldsAreNotKept() {
        CsvRecord record = readAll("1;2;3;4;5\nnext", 4000, 3).get(0);

        assertThat(record.fields()).containsExactly("1", "2", "3");
        assertThat(record.flaws()).containsExactly(new CsvRecord.Flaw(CsvRecord.WHOLE_RECORD, "has more than 3 fields"));
    }

    @Test
    void fieldBeyondTheRecordReadsAsEmpty() {
        assertThat(readAll("a;b").get(0).field(5)).isEmpty();
    }
}
