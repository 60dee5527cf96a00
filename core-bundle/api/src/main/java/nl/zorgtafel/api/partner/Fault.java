package nl.zorgtafel.api.partner;

import java.util.Objects;

/**
 * One thing wrong with an inbound message.
 *
 * @param location where, in the format's own terms: a FHIRPath-like path
 *     ({@code Bundle.entry[2].resource.period.start}), an XML element path, or a CSV
 *     line and column ({@code line 3, column geboortedatum})
 * @param problem what is wrong, without the offending value when that value may be
 *     personal data (a BSN, a name)
 */
public record Fault(String location, String problem) {

    public Fault {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(problem, "problem");
    }

    @Override
    public String toString() {
        return location + ": " + problem;
    }
}
