package nl.zorgtafel.partner.mee.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import nl.zorgtafel.api.model.Bsn;
import nl.zorgtafel.api.model.CareTrajectory;
import nl.zorgtafel.api.model.Signal;
import nl.zorgtafel.api.model.SignalCategory;
import nl.zorgtafel.api.model.TrajectoryEnding;
import nl.zorgtafel.api.model.Urgency;
import nl.zorgtafel.api.model.YouthIdentity;
import nl.zorgtafel.api.partner.PartnerEvent;
import nl.zorgtafel.api.partner.PartnerEvent.SignalReported;
import nl.zorgtafel.api.partner.PartnerEvent.TrajectoryReported;

/**
 * One data row of a MEE file: a trajectory (zorgtraject) as MEE now reports it, and MEE's
 * worry (zorgsignaal) when the row carries one.
 *
 * <p>Every fault is named {@code line <n>, column <name>} and never quotes the cell: a cell
 * may hold a BSN or a name. Free text stays free: an unknown {@code trajectsoort} or
 * {@code reden_einde} is taken as written. What cannot be taken (an end before the start,
 * which the canonical model does not hold) is named in {@code ignored}, not refused.
 */
final class MeeRow {

    static final int MAX_SHORT_TEXT = 200;
    static final String SIGNAL_SUFFIX = "/zorgsignaal";

    private static final Pattern BSN_SHAPE = Pattern.compile("[0-9]{8,9}");

    private final CsvRecord record;
    private final Header header;
    private final FaultList faults;
    private final String line;
    private final Set<Integer> flawedFields = new HashSet<>();

    private MeeRow(CsvRecord record, Header header, FaultList faults) {
        this.record = record;
        this.header = header;
        this.faults = faults;
        this.line = "line " + record.line();
    }

    /**
     * The row's events, in the order trajectory, signal; none when the row has a fault, which
     * is then in {@code faults}.
     *
     * @param ignored where a part the row carries but the table does not take is named
     */
    static List<PartnerEvent> translate(CsvRecord record, Header header, FaultList faults, List<String> ignored) {
        return new MeeRow(record, header, faults).translate(ignored);
    }

    private List<PartnerEvent> translate(List<String> ignored) {
        int faultsBefore = faults.size();
        for (CsvRecord.Flaw flaw : record.flaws()) {
            if (flaw.field() == CsvRecord.WHOLE_RECORD) {
                faults.add(line, flaw.problem());
            } else {
                faults.add(at(header.nameAt(flaw.field())), flaw.problem());
                // a field the reader could not take whole is named once, by its flaw
                flawedFields.add(flaw.field());
            }
        }
        for (int i = 0; i < record.fields().size(); i++) {
            if (!header.names(i) && !record.field(i).isBlank()) {
                faults.add(at(header.nameAt(i)), "holds a value but the header names no column here"
                        + " (a ; in a field that is not quoted?)");
            }
        }
        Bsn bsn = bsn();
        String givenNames = shortText(Header.VOORNAMEN, true);
        String familyName = shortText(Header.ACHTERNAAM, true);
        LocalDate birthDate = date(Header.GEBOORTEDATUM, true);
        String reference = shortText(Header.TRAJECTNUMMER, true);
        String kind = shortText(Header.TRAJECTSOORT, true);
        LocalDate startedOn = date(Header.STARTDATUM, true);
        LocalDate endedOn = date(Header.EINDDATUM, false);
        String endReason = shortText(Header.REDEN_EINDE, false);
        String worry = value(Header.ZORGSIGNAAL);
        if (faults.size() > faultsBefore) {
            return List.of();
        }

        YouthIdentity youth = new YouthIdentity(bsn, givenNames, familyName, birthDate);
        List<PartnerEvent> events = new ArrayList<>(2);
        events.add(new TrajectoryReported(youth,
                new CareTrajectory(reference, kind, startedOn, ending(startedOn, endedOn, endReason, ignored))));
        if (worry != null) {
            events.add(new SignalReported(youth, new Signal(reference + SIGNAL_SUFFIX, SignalCategory.OTHER,
                    Urgency.NORMAL, worry, startedOn)));
        }
        return events;
    }

    private TrajectoryEnding ending(LocalDate startedOn, LocalDate endedOn, String endReason, List<String> ignored) {
        if (endedOn == null) {
            if (endReason != null) {
                ignored.add(at(Header.REDEN_EINDE) + " (no einddatum: the trajectory runs on)");
            }
            return null;
        }
        if (endedOn.isBefore(startedOn)) {
            ignored.add(at(Header.EINDDATUM) + " (before startdatum: the ending is not taken)");
            return null;
        }
        if (endReason == null) {
            return new TrajectoryEnding(endedOn, TrajectoryEnding.Kind.UNKNOWN, "");
        }
        String code = endReason.toLowerCase(Locale.ROOT);
        return switch (code) {
            case "afgerond" -> new TrajectoryEnding(endedOn, TrajectoryEnding.Kind.PLANNED, code);
            case "voortijdig-client", "voortijdig-mee" -> new TrajectoryEnding(endedOn, TrajectoryEnding.Kind.EARLY, code);
            case "overgedragen" -> new TrajectoryEnding(endedOn, TrajectoryEnding.Kind.UNKNOWN, code);
            default -> new TrajectoryEnding(endedOn, TrajectoryEnding.Kind.UNKNOWN, endReason);
        };
    }

    private Bsn bsn() {
        String value = value(Header.BSN);
        if (value == null) {
            return null;
        }
        if (!BSN_SHAPE.matcher(value).matches()) {
            faults.add(at(Header.BSN), "not a BSN: 9 digits, or 8 that lost their leading zero");
            return null;
        }
        try {
            return Bsn.of(value);
        } catch (IllegalArgumentException e) {
            // the shape is right, so the elfproef is what failed
            faults.add(at(Header.BSN), "not a BSN: it fails the elfproef");
            return null;
        }
    }

    private String shortText(String column, boolean required) {
        String value = present(column, required);
        if (value != null && value.length() > MAX_SHORT_TEXT) {
            faults.add(at(column), "longer than " + MAX_SHORT_TEXT + " characters");
            return null;
        }
        return value;
    }

    private LocalDate date(String column, boolean required) {
        String value = present(column, required);
        if (value == null) {
            return null;
        }
        LocalDate date = MeeDate.parse(value).orElse(null);
        if (date == null) {
            faults.add(at(column), "not a date in the form " + MeeDate.FORM);
        }
        return date;
    }

    /** The cell's value; a fault when a required one is absent (unless its flaw already named it). */
    private String present(String column, boolean required) {
        String value = value(column);
        if (value == null && required && !isFlawed(column)) {
            faults.add(at(column), "required");
        }
        return value;
    }

    /** The cell's stripped value; null when it is absent, empty or flawed. */
    private String value(String column) {
        return isFlawed(column) ? null : header.cell(record, column);
    }

    private boolean isFlawed(String column) {
        return flawedFields.contains(header.indexOf(column));
    }

    private String at(String column) {
        return line + ", column " + column;
    }
}
