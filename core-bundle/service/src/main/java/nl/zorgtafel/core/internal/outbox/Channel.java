package nl.zorgtafel.core.internal.outbox;

import nl.zorgtafel.api.partner.RenderedMessage;
import nl.zorgtafel.core.internal.partners.PartnerSettings;

/** A way to hand a rendered message to a partner: HTTP or a file. */
interface Channel {

    /** Delivers the message, or throws saying why not; the notification id makes a repeat recognisable. */
    void send(PartnerSettings partner, RenderedMessage message, String notificationId) throws DeliveryException;
}
