package nl.zorgtafel.partner.mee.internal;

import java.util.List;

/**
 * One record of a CSV file: its fields as written (quotes removed, {@code ""} made one
 * {@code "}), the physical line it starts on, and what was wrong with how it was written.
 *
 * @param line the 1-based physical line the record starts on; a quoted field with line
 *     breaks makes the next record start further down
 * @param flaws syntax faults found while reading it; the fields are then incomplete
 */
record CsvRecord(int line, List<String> fields, List<Flaw> flaws) {

    /** No field of the record at this index: a flaw of the record as a whole. */
    static final int WHOLE_RECORD = -1;

    CsvRecord {
        fields = List.copyOf(fields);
        flaws = List.copyOf(flaws);
    }

    /**
     * A syntax fault in a record.
     *
     * @param field the 0-based index of the field at fault, or {@link #WHOLE_RECORD}
     */
    record Flaw(int field, String problem) {
    }

    /** The field at {@code index}, or {@code ""} when the record is shorter. */
    String field(int index) {
        return index < fields.size() ? fields.get(index) : "";
    }

    /** Whether every field is empty or white space: a blank line, or one of separators only. */
    boolean isBlank() {
        return flaws.isEmpty() && fields.stream().allMatch(String::isBlank);
    }
}
