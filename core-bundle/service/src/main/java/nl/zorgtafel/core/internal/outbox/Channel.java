package nl.zorgtafel.core.internal.outbox;

import nl.zorgtafel.api.partner.RenderedMessage;
import nl.zorgtafel.core.internal.partners.PartnerSettings;

/** A way to hand a rendered message to a partner: HTTP or a file. */
interface Channel {

    /**
     * Delivers the message, or throws saying why not.
     *
     * @param key the message's own key, the same on every attempt, which makes a repeat
     *     recognisable: see {@link OutboxDispatcher#deliveryKey}
     */
    void send(PartnerSettings partner, RenderedMessage message, String key) throws DeliveryException;
}
