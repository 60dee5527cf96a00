package nl.zorgtafel.partner.ggz.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.zorgtafel.api.partner.Fault;

/** The faults found in one message, each once, in the order they were found. */
final class Faults {

    private final Set<Fault> found = new LinkedHashSet<>();

    void add(String location, String problem) {
        found.add(new Fault(location, problem));
    }

    /** How many so far: a reader compares counts to tell whether its part was whole. */
    int count() {
        return found.size();
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    List<Fault> list() {
        return List.copyOf(found);
    }
}
