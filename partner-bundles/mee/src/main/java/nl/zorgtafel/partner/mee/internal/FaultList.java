package nl.zorgtafel.partner.mee.internal;

import java.util.ArrayList;
import java.util.List;
import nl.zorgtafel.api.partner.Fault;

/**
 * The faults of one file, in the order found, up to a cap: a hostile file of a hundred
 * thousand broken rows gets an answer of readable size, not a megabyte of faults.
 */
final class FaultList {

    private final int cap;
    private final List<Fault> faults = new ArrayList<>();
    private boolean truncated;

    FaultList(int cap) {
        this.cap = cap;
    }

    void add(String location, String problem) {
        if (faults.size() < cap) {
            faults.add(new Fault(location, problem));
        } else {
            truncated = true;
        }
    }

    int size() {
        return faults.size();
    }

    boolean isEmpty() {
        return faults.isEmpty();
    }

    /** Whether a fault was dropped for the cap: reading on is of no use. */
    boolean isTruncated() {
        return truncated;
    }

    /** The faults, and when some were dropped a last one that says so. */
    List<Fault> list() {
        List<Fault> all = new ArrayList<>(faults);
        if (truncated) {
            all.add(new Fault(MeeInbound.BODY, "has more faults than the " + cap + " listed here"));
        }
        return all;
    }
}
