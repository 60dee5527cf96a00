package nl.zorgtafel.partner.mee.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The header row of a MEE file: which column holds what. Column order is free; names are
 * compared without case and without surrounding spaces.
 */
final class Header {

    static final String BSN = "bsn";
    static final String VOORNAMEN = "voornamen";
    static final String ACHTERNAAM = "achternaam";
    static final String GEBOORTEDATUM = "geboortedatum";
    static final String TRAJECTNUMMER = "trajectnummer";
    static final String TRAJECTSOORT = "trajectsoort";
    static final String STARTDATUM = "startdatum";
    static final String EINDDATUM = "einddatum";
    static final String REDEN_EINDE = "reden_einde";
    static final String ZORGSIGNAAL = "zorgsignaal";

    /** The columns every file has, in the order mee.md lists them. */
    static final List<String> REQUIRED =
            List.of(VOORNAMEN, ACHTERNAAM, GEBOORTEDATUM, TRAJECTNUMMER, TRAJECTSOORT, STARTDATUM);
    static final Set<String> KNOWN = Set.of(BSN, VOORNAMEN, ACHTERNAAM, GEBOORTEDATUM, TRAJECTNUMMER,
            TRAJECTSOORT, STARTDATUM, EINDDATUM, REDEN_EINDE, ZORGSIGNAAL);

    static final String LOCATION = "header";

    /** A column name shown back to the partner only when it cannot be personal data. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_ -]{1,64}");

    private final List<String> names;
    private final Map<String, Integer> indexes;

    private Header(List<String> names, Map<String, Integer> indexes) {
        this.names = names;
        this.indexes = indexes;
    }

    /**
     * Reads the header row; a fault for each required column it lacks and each name it
     * repeats (location {@code header}).
     */
    static Header read(CsvRecord record, FaultList faults) {
        for (CsvRecord.Flaw flaw : record.flaws()) {
            faults.add(LOCATION, flaw.problem());
        }
        List<String> names = new ArrayList<>();
        Map<String, Integer> indexes = new HashMap<>();
        Set<String> repeated = new LinkedHashSet<>();
        for (String field : record.fields()) {
            String name = field.strip().toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && indexes.putIfAbsent(name, names.size()) != null && KNOWN.contains(name)) {
                repeated.add(name);
            }
            names.add(name);
        }
        for (String name : repeated) {
            faults.add(LOCATION, "column " + name + " appears more than once");
        }
        for (String name : REQUIRED) {
            if (!indexes.containsKey(name)) {
                faults.add(LOCATION, "required column " + name + " is missing");
            }
        }
        return new Header(names, indexes);
    }

    /** The stripped value of a row's cell in the named column, or null when absent or empty. */
    String cell(CsvRecord row, String column) {
        Integer index = indexes.get(column);
        if (index == null) {
            return null;
        }
        String value = row.field(index).strip();
        return value.isEmpty() ? null : value;
    }

    /** The 0-based index of the named column, or -1 when the header lacks it. */
    int indexOf(String column) {
        return indexes.getOrDefault(column, -1);
    }

    /** The name of the column at a 0-based index, or its 1-based position when it has none. */
    String nameAt(int index) {
        String name = index < names.size() ? names.get(index) : "";
        return name.isEmpty() ? String.valueOf(index + 1) : name;
    }

    /** Whether the header names the column at a 0-based index. */
    boolean names(int index) {
        return index < names.size() && !names.get(index).isEmpty();
    }

    /** The named columns MEE's format does not have, as {@code column <name>}, for {@code ignored}. */
    List<String> unknownColumns() {
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!name.isEmpty() && !KNOWN.contains(name) && indexes.get(name) == i) {
                unknown.add(PLAIN_NAME.matcher(name).matches()
                        ? "column " + name
                        : "column " + (i + 1) + " (an unknown name)");
            }
        }
        return unknown;
    }
}
