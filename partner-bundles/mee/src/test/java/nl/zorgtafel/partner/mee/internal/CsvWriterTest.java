package nl.zorgtafel.partner.mee.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvWriterTest {

    @Test
    void plainCellIsWrittenAsItIs() {
        assertThat(CsvWriter.cell("clientondersteuning")).isEqualTo("clientondersteuning");
    }

    @Test
    void nullAndEmptyCellsAreEmpty() {
        assertThat(CsvWriter.cell(null)).isEmpty();
        assertThat(CsvWriter.cell("")).isEmpty();
    }

    @Test
    void cellWithSeparatorQuoteOrLineBreakIsQuotedWithQuotesDoubled() {
        assertThat(CsvWriter.cell("zegt \"bij een vriend\"; slaapt\nniet thuis"))
                .isEqualTo("\"zegt \"\"bij een vriend\"\"; slaapt\nniet thuis\"");
    }

    @Test
    void cellWithSurroundingSpacesIsQuotedSoTheyAreKept() {
        assertThat(CsvWriter.cell(" Lisa ")).isEqualTo("\" Lisa \"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\")", "+31 10 123", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"})
    void cellThatASpreadsheetWouldRunAsAFormulaGetsASingleQuoteInFront(String value) {
        String written = CsvWriter.cell(value);

        String unquoted = written.startsWith("\"")
                ? written.substring(1, written.length() - 1).replace("\"\"", "\"")
                : written;
        assertThat(unquoted).isEqualTo("'" + value);
    }

    @Test
    void formulaSignLaterInTheCellIsHarmless() {
        assertThat(CsvWriter.cell("Lisa-Marie = blij")).isEqualTo("Lisa-Marie = blij");
    }

    @Test
    void rowsEndInCrLfAndAreSeparatedBySemicolons() {
        String text = new CsvWriter().row(List.of("a", "b")).row(Arrays.asList("c", null, "d")).text();

        assertThat(text).isEqualTo("a;b\r\nc;;d\r\n");
    }

    @Test
    void whatItWritesTheReaderReadsBack() {
        List<String> cells = List.of("Lisa", "zegt \"hoi\"; dag", "twee\nregels", " ruimte ", "=1+1");
        String text = new CsvWriter().row(cells).text();

        Optional<CsvRecord> record = new CsvReader(text, 4000, 200).next();

        assertThat(record).get().extracting(CsvRecord::fields)
                .isEqualTo(List.of("Lisa", "zegt \"hoi\"; dag", "twee\nregels", " ruimte ", "'=1+1"));
    }
}
