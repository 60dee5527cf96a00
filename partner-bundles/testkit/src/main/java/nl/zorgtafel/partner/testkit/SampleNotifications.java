package nl.zorgtafel.partner.testkit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.zorgtafel.api.model.Agreement;
import nl.zorgtafel.api.partner.Notification;

/**
 * Notifications of every kind, about an invented youth, for the render check. Agreements
 * come twice: owned by the adapter's own partner (some formats add a task for that) and by
 * another partner.
 */
final class SampleNotifications {

    private static final String CASE_ID = "case-rtm-0042";
    private static final String YOUTH = "Sanne Bakker";
    private static final LocalDate BORN = LocalDate.of(2008, 4, 12);
    private static final Instant CREATED = Instant.parse("2024-03-05T10:15:30Z");

    private SampleNotifications() {
    }

    static List<Notification> oneOfEachKind(String partnerId) {
        List<Notification> notifications = new ArrayList<>();
        for (Notification.Kind kind : Notification.Kind.values()) {
            if (kind == Notification.Kind.AGREEMENT) {
                notifications.add(agreement(partnerId));
                notifications.add(agreement("another-partner"));
            } else {
                notifications.add(new Notification("notification-" + kind.code(), kind, CASE_ID, YOUTH, BORN,
                        "Zorgen over " + YOUTH + " (" + kind.code() + ")", CREATED, null));
            }
        }
        return notifications;
    }

    private static Notification agreement(String ownerPartner) {
        Agreement agreement = new Agreement("agreement-" + ownerPartner, CASE_ID,
                "Intakegesprek plannen met jeugdige en ouders", ownerPartner, LocalDate.of(2024, 3, 19),
                Agreement.Status.OPEN);
        return new Notification("notification-agreement-" + ownerPartner, Notification.Kind.AGREEMENT, CASE_ID,
                YOUTH, BORN, "Afspraak voor " + ownerPartner, CREATED, agreement);
    }

    /** A short name for a test: the kind, and for an agreement who owns it. */
    static String describe(Notification notification) {
        return notification.agreement() == null
                ? notification.kind().code()
                : notification.kind().code() + " owned by " + notification.agreement().ownerPartner();
    }
}
