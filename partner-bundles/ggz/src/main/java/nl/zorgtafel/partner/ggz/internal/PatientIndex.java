package nl.zorgtafel.partner.ggz.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.zorgtafel.api.model.YouthIdentity;

/**
 * The Patients of one message, under each reference another resource may use for them: the
 * entry's {@code fullUrl}, {@code Patient/<id>}, and {@code #<id>} for a Patient contained
 * in the referring resource itself.
 */
final class PatientIndex {

    private final PatientIndex enclosing;
    private final Map<String, YouthIdentity> youths = new HashMap<>();
    /** Patients with a fault: a reference to one is not a second fault. */
    private final Set<String> faulty = new HashSet<>();

    PatientIndex() {
        this(null);
    }

    private PatientIndex(PatientIndex enclosing) {
        this.enclosing = enclosing;
    }

    /**
     * Adds a Patient under its references.
     *
     * @param youth the youth, or empty when the Patient had a fault
     * @return false when an earlier Patient has one of these references already
     */
    boolean add(List<String> references, Optional<YouthIdentity> youth) {
        boolean allNew = references.stream().noneMatch(this::knows);
        if (allNew) {
            for (String reference : references) {
                youth.ifPresentOrElse(found -> youths.put(reference, found), () -> faulty.add(reference));
            }
        }
        return allNew;
    }

    /** An index for a resource's contained Patients that also finds the message's own. */
    PatientIndex withContained() {
        return new PatientIndex(this);
    }

    /**
     * The youth a {@code subject} or {@code patient} reference points to. A missing reference,
     * or one to no Patient in this message, is a fault at {@code referrer}; its value is
     * never repeated, as a conditional reference may carry a BSN.
     */
    Optional<YouthIdentity> resolve(Element referrer) {
        int faultsBefore = referrer.faults().count();
        Optional<String> target = referrer.field("reference").text();
        if (target.isEmpty()) {
            // a wrong JSON type on the way is already a fault; otherwise the reference is missing
            if (referrer.faults().count() == faultsBefore) {
                referrer.fault("must reference a Patient in this message");
            }
            return Optional.empty();
        }
        if (!knows(target.get())) {
            referrer.fault("references no Patient in this message");
            return Optional.empty();
        }
        return Optional.ofNullable(lookUp(target.get()));
    }

    private boolean knows(String reference) {
        return youths.containsKey(reference) || faulty.contains(reference)
                || (enclosing != null && enclosing.knows(reference));
    }

    private YouthIdentity lookUp(String reference) {
        YouthIdentity youth = youths.get(reference);
        if (youth == null && !faulty.contains(reference) && enclosing != null) {
            return enclosing.lookUp(reference);
        }
        return youth;
    }
}
