package nl.zorgtafel.core.internal.outbox;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.zorgtafel.api.model.Agreement;
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
    /** The longest summary the outbox keeps (its column). */
    static final int MAX_SUMMARY = 4000;

    /**
     * A crisis signal reaches the crisis team at once, unless the team reported it itself;
     * returns the notification's id when one was written.
     */
    public Optional<String> crisisSignal(Store store, String caseId, String youthId, String reportingPartner,
                                         Signal signal, Instant now) {
        if (!signal.isCrisis() || CRISIS_TEAM.equals(reportingPartner)) {
            return Optional.empty();
        }
        String summary = "Crisis signal from " + reportingPartner + " (" + signal.category().code() + ", observed "
                + signal.observedOn() + "): " + signal.summary();
        return Optional.of(enqueue(store, CRISIS_TEAM, Notification.Kind.CRISIS_SIGNAL, caseId, youthId, summary,
                null, now));
    }

    /**
     * A crisis the crisis team did not acknowledge in time: the team is told again (the
     * coordinator's alert is the caller's to record).
     */
    public String crisisNotAcknowledged(Store store, String caseId, String youthId, long minutes, Instant now) {
        return enqueue(store, CRISIS_TEAM, Notification.Kind.CRISIS_SIGNAL, caseId, youthId,
                "Crisis signal not acknowledged within " + minutes + " minutes; the coordinator is alerted.", null,
                now);
    }

    /** Each partner involved in a case learns that the case is on a meeting's agenda (or taken off it). */
    public void agenda(Store store, String caseId, String youthId, Set<String> partners, String summary,
                       Instant now) {
        for (String partner : partners.stream().sorted().toList()) {
            enqueue(store, partner, Notification.Kind.AGENDA, caseId, youthId, summary, null, now);
        }
    }

    /** The owner of an agreement learns of it: when it is made, and when it becomes overdue. */
    public String agreement(Store store, Agreement agreement, String youthId, String summary, Instant now) {
        return enqueue(store, agreement.ownerPartner(), Notification.Kind.AGREEMENT, agreement.caseId(), youthId,
                summary, agreement.id(), now);
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
        store.outbox().addToOutbox(id, partnerId, kind, caseId, youthId, fitting(summary), agreementId, now);
        return id;
    }

    /**
     * The summary, cut with an ellipsis to what the outbox keeps: a summary repeats a text
     * (a signal's, an agreement's) after a lead-in, and that text may be as long as the column.
     */
    static String fitting(String summary) {
        if (summary == null || summary.length() <= MAX_SUMMARY) {
            return summary;
        }
        int end = MAX_SUMMARY - 1;
        if (Character.isHighSurrogate(summary.charAt(end - 1))) {
            end--;
        }
        return summary.substring(0, end) + "…";
    }
}
