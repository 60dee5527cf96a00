package nl.zorgtafel.partner.mee.internal;

import java.util.List;

/**
 * Writes CSV the way {@link CsvReader} reads it and Excel opens it: {@code ;} between cells,
 * {@code CR LF} after each row, a cell quoted with {@code "} (and {@code ""} inside) when it
 * holds a separator, a quote, a line break or surrounding spaces.
 *
 * <p>Guards against CSV injection (OWASP): a cell that begins with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return would be a formula to a spreadsheet, so
 * it gets a single quote in front and is shown as text.
 */
final class CsvWriter {

    static final String LINE_END = "\r\n";

    private final StringBuilder out = new StringBuilder();

    /** Adds one row; a null cell is written empty. */
    CsvWriter row(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(CsvReader.SEPARATOR);
            }
            out.append(cell(cells.get(i)));
        }
        out.append(LINE_END);
        return this;
    }

    String text() {
        return out.toString();
    }

    /** One cell, safe for a spreadsheet and quoted where it must be. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = startsAFormula(value) ? "'" + value : value;
        if (needsQuotes(text)) {
            return CsvReader.QUOTE + text.replace("\"", "\"\"") + CsvReader.QUOTE;
        }
        return text;
    }

    private static boolean startsAFormula(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    private static boolean needsQuotes(String text) {
        return text.indexOf(CsvReader.SEPARATOR) >= 0 || text.indexOf(CsvReader.QUOTE) >= 0
                || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0
                || !text.strip().equals(text);
    }
}
