package nl.zorgtafel.api.partner;

import java.util.List;
import java.util.Objects;

/** What an adapter made of an inbound message: canonical events, or a rejection. */
public sealed interface InboundResult permits InboundResult.Translated, InboundResult.Rejected {

    /**
     * The message translated.
     *
     * @param events the canonical events, in the order the message tells them
     * @param ignored parts of the message the adapter read past (for example FHIR resource
     *     types it does not use), named without their content, so that the partner can see
     *     what the table did not take
     */
    record Translated(List<PartnerEvent> events, List<String> ignored) implements InboundResult {
        public Translated {
            events = List.copyOf(events);
            ignored = List.copyOf(ignored);
        }
    }

    /**
     * The message refused as a whole: nothing of it may be applied.
     *
     * @param faults every fault found, not only the first
     */
    record Rejected(List<Fault> faults) implements InboundResult {
        public Rejected {
            Objects.requireNonNull(faults, "faults");
            if (faults.isEmpty()) {
                throw new IllegalArgumentException("a rejection names at least one fault");
            }
            faults = List.copyOf(faults);
        }
    }

    static Translated translated(List<PartnerEvent> events, List<String> ignored) {
        return new Translated(events, ignored);
    }

    static Rejected rejected(List<Fault> faults) {
        return new Rejected(faults);
    }
}
