package nl.zorgtafel.partner.mee.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the records of a CSV text one at a time, as Excel writes them: fields separated by
 * {@code ;}, a field that starts with {@code "} quoted up to the next lone {@code "}, with
 * {@code ""} for a quote and any {@code ;} or line break inside. Lines end in {@code CR LF},
 * {@code LF} or a lone {@code CR}; line breaks inside a quoted field become {@code LF}.
 *
 * <p>It counts physical lines, so that a record is named by the line it starts on even
 * after a field that ran over several lines. It never throws on what it reads: a field
 * longer than the limit, a record with more fields than the limit, text after a closing
 * quote or a quote that is never closed is a {@link CsvRecord.Flaw}, and the excess is
 * skipped, not kept, so that hostile input cannot fill the heap.
 */
final class CsvReader {

    static final char SEPARATOR = ';';
    static final char QUOTE = '"';

    private final String text;
    private final int maxFieldLength;
    private final int maxFields;
    private int position;
    private int line = 1;

    CsvReader(String text, int maxFieldLength, int maxFields) {
        this.text = text;
        this.maxFieldLength = maxFieldLength;
        this.maxFields = maxFields;
    }

    /** The next record, or empty at the end of the text. A last line break ends no record. */
    Optional<CsvRecord> next() {
        if (position >= text.length()) {
            return Optional.empty();
        }
        int startLine = line;
        List<String> fields = new ArrayList<>();
        List<CsvRecord.Flaw> flaws = new ArrayList<>();
        for (int index = 0; ; index++) {
            StringBuilder value = new StringBuilder();
            boolean tooLong = isAt(QUOTE) ? readQuoted(value, index, flaws) : readPlain(value);
            if (tooLong) {
                flaws.add(new CsvRecord.Flaw(index, "longer than " + maxFieldLength + " characters"));
            }
            if (index < maxFields) {
                fields.add(value.toString());
            } else if (index == maxFields) {
                flaws.add(new CsvRecord.Flaw(CsvRecord.WHOLE_RECORD, "has more than " + maxFields + " fields"));
            }
            if (isAt(SEPARATOR)) {
                position++;
            } else {
                skipLineBreak();
                return Optional.of(new CsvRecord(startLine, fields, flaws));
            }
        }
    }

    /** Reads up to a separator, a line break or the end; true when it had to drop characters. */
    private boolean readPlain(StringBuilder value) {
        boolean tooLong = false;
        while (position < text.length() && !isAt(SEPARATOR) && !isAtLineBreak()) {
            tooLong |= !append(value, text.charAt(position));
            position++;
        }
        return tooLong;
    }

    /** Reads a quoted field and what may follow its closing quote; true when it had to drop characters. */
    private boolean readQuoted(StringBuilder value, int index, List<CsvRecord.Flaw> flaws) {
        boolean tooLong = false;
        position++;
        while (true) {
            if (position >= text.length()) {
                flaws.add(new CsvRecord.Flaw(index, "a quoted field is not closed before the end of the file"));
                return tooLong;
            }
            char c = text.charAt(position);
            if (c == QUOTE && position + 1 < text.length() && text.charAt(position + 1) == QUOTE) {
                tooLong |= !append(value, QUOTE);
                position += 2;
            } else if (c == QUOTE) {
                position++;
                break;
            } else if (isAtLineBreak()) {
                skipLineBreak();
                tooLong |= !append(value, '\n');
            } else {
                tooLong |= !append(value, c);
                position++;
            }
        }
        // white space after the closing quote is harmless; anything else has no place there
        while (isAt(' ') || isAt('\t')) {
            position++;
        }
        if (position < text.length() && !isAt(SEPARATOR) && !isAtLineBreak()) {
            flaws.add(new CsvRecord.Flaw(index, "has text after its closing quote"));
            readPlain(new StringBuilder());
        }
        return tooLong;
    }

    private boolean append(StringBuilder value, char c) {
        if (value.length() >= maxFieldLength) {
            return false;
        }
        value.append(c);
        return true;
    }

    private boolean isAt(char c) {
        return position < text.length() && text.charAt(position) == c;
    }

    private boolean isAtLineBreak() {
        return isAt('\n') || isAt('\r');
    }

    /** Consumes one line break ({@code CR LF}, {@code LF} or {@code CR}) if there is one. */
    private void skipLineBreak() {
        if (isAt('\r')) {
            position++;
            if (isAt('\n')) {
                position++;
            }
            line++;
        } else if (isAt('\n')) {
            position++;
            line++;
        }
    }
}
