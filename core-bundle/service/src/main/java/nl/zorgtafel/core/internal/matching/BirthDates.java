package nl.zorgtafel.core.internal.matching;

import java.time.LocalDate;

/**
 * How two recorded birth dates agree, tolerant of what real records do: a date not known,
 * only a year known (recorded as 1 January, as registrations do for people whose day of
 * birth is unknown — common for trafficking victims from abroad), day and month swapped.
 */
public final class BirthDates {

    /** How two birth dates agree, from strongest to none. */
    public enum Agreement {
        SAME,
        /** The same year, one of them known only by its year. */
        SAME_YEAR,
        /** The same year, day and month swapped (3-11 and 11-3). */
        DAY_MONTH_SWAPPED,
        /** One or both not known: no evidence either way. */
        UNKNOWN,
        /** Known and different: not the same person. */
        DIFFERENT
    }

    private BirthDates() {
    }

    /** Whether a recorded date may stand for "only the year is known". */
    public static boolean isYearOnly(LocalDate date) {
        return date != null && date.getDayOfYear() == 1;
    }

    public static Agreement compare(LocalDate a, LocalDate b) {
        if (a == null || b == null) {
            return Agreement.UNKNOWN;
        }
        if (a.equals(b)) {
            return Agreement.SAME;
        }
        if (a.getYear() != b.getYear()) {
            return Agreement.DIFFERENT;
        }
        if (isYearOnly(a) || isYearOnly(b)) {
            return Agreement.SAME_YEAR;
        }
        if (a.getDayOfMonth() == b.getMonthValue() && a.getMonthValue() == b.getDayOfMonth()) {
            return Agreement.DAY_MONTH_SWAPPED;
        }
        return Agreement.DIFFERENT;
    }
}
