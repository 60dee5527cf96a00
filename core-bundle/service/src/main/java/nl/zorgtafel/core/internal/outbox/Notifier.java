package nl.zorgtafel.core.internal.outbox;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import nl.zorgtafel.api.model.Signal;
import nl.zorgtafel.api.partner.Notification;
import nl.zorgtafel.core.internal.store.Store;

/**
 * Decides who must be told what, when something changes, and writes it to the outbox in
 * the same transaction as the change, so a notification is never lost and never sent for
 * a change that did not happen.
 */
public final class Notifier {

    /** The crisis-intervention team, told of every crisis signal at once. */
    public static final String CRISIS_TEAM = "jbrr";

    /** A crisis signal reaches the crisis team at once, unless the team reported it itself. */
    public void crisisSignal(Store store, String caseId, String youthId, String reportingPartner, Signal signal,
                             Instant now) {
        if (!signal.isCrisis() || CRISIS_TEAM.equals(reportingPartner)) {
            return;
        }
        String summary = "Crisis signal from " + reportingPartner + " (" + signal.category().code() + ", observed "
                + signal.observedOn() + "): " + signal.summary();
        enqueue(store, CRISIS_TEAM, Notification.Kind.CRISIS_SIGNAL, caseId, youthId, summary, null, now);
    }

    /**
     * A partner reports about a youth other partners already know: each of them, and the
     * newcomer, learn that they share the case.
     */
    public void partnerJoined(Store store, String caseId, String youthId, String newPartner,
                              Set<String> partnersBefore, Instant now) {
        if (partnersBefore.isEmpty()) {
            return;
        }
        for (String partner : partnersBefore) {
            enqueue(store, partner, Notification.Kind.MATCH, caseId, youthId,
                    "Partner " + newPartner + " now also reports about this youth.", null, now);
        }
        enqueue(store, newPartner, Notification.Kind.MATCH, caseId, youthId,
                "This youth is known to the table already, through " + String.join(", ", partnersBefore.stream()
                        .sorted().toList()) + ".", null, now);
    }

    /** Writes one notification to the outbox; the single way every notification enters it. */
    public String enqueue(Store store, String partnerId, Notification.Kind kind, String caseId, String youthId,
                          String summary, String agreementId, Instant now) {
        String id = UUID.randomUUID().toString();
        store.outbox().addToOutbox(id, partnerId, kind, caseId, youthId, summary, agreementId, now);
        return id;
    }
}
