package nl.zorgtafel.partner.jbrr.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.zorgtafel.api.partner.Fault;
import nl.zorgtafel.api.partner.InboundMessage;
import nl.zorgtafel.api.partner.InboundResult;
import nl.zorgtafel.api.partner.Notification;
import nl.zorgtafel.api.partner.PartnerAdapter;
import nl.zorgtafel.api.partner.RenderedMessage;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The adapter for the crisis-intervention team of Jeugdbescherming Rotterdam Rijnmond
 * (JBRR), which speaks the platform's canonical JSON: signals in, notifications out. The
 * one component of this bundle; it only wires the plain translators.
 */
@Component(service = PartnerAdapter.class)
public final class JbrrAdapter implements PartnerAdapter {

    static final String PARTNER_ID = "jbrr";

    private static final Logger LOG = LoggerFactory.getLogger(JbrrAdapter.class);

    private final CanonicalInbound inbound;
    private final CanonicalOutbound outbound;

    public JbrrAdapter() {
        this(Clock.systemDefaultZone());
    }

    /** @param clock whose today decides whether a signal was observed in the future */
    JbrrAdapter(Clock clock) {
        this.inbound = new CanonicalInbound(new CanonicalJson(), clock);
        this.outbound = new CanonicalOutbound();
    }

    @Override
    public String partnerId() {
        return PARTNER_ID;
    }

    @Override
    public Set<String> inboundMediaTypes() {
        return Set.of(CanonicalInbound.MEDIA_TYPE);
    }

    @Override
    public Optional<String> messageId(InboundMessage message) {
        return inbound.messageId(message);
    }

    @Override
    public InboundResult translate(InboundMessage message) {
        if (!CanonicalInbound.MEDIA_TYPE.equals(message.mediaType())) {
            return InboundResult.rejected(List.of(new Fault("mediaType", "must be " + CanonicalInbound.MEDIA_TYPE)));
        }
        try {
            return inbound.translate(message);
        } catch (RuntimeException e) {
            // Our bug, not the partner's; still nothing may reach the core. Only the type is
            // logged: an exception's text may quote the message.
            LOG.error("A JBRR message could not be translated because of {}", e.getClass().getName());
            return InboundResult.rejected(List.of(new Fault(CanonicalJson.ROOT, "could not be read")));
        }
    }

    @Override
    public List<RenderedMessage> render(Notification notification) {
        return outbound.render(notification);
    }
}
