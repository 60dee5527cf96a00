package nl.zorgtafel.partner.horizon.internal;

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
 * The Horizon (youth care, closed placements) adapter: iJw 3.2 JW305 and JW307 in, the
 * platform's canonical JSON out. The one component of this bundle; it only wires the
 * plain translators.
 */
@Component(service = PartnerAdapter.class)
public final class HorizonAdapter implements PartnerAdapter {

    static final String PARTNER_ID = "horizon";

    /** {@code text/xml} is the same as {@code application/xml} (RFC 7303); the contract names the latter. */
    private static final Set<String> MEDIA_TYPES = Set.of(IjwInbound.MEDIA_TYPE, "text/xml");

    private static final Logger LOG = LoggerFactory.getLogger(HorizonAdapter.class);

    private final IjwInbound inbound = new IjwInbound();
    private final CanonicalJsonOutbound outbound = new CanonicalJsonOutbound();

    @Override
    public String partnerId() {
        return PARTNER_ID;
    }

    @Override
    public Set<String> inboundMediaTypes() {
        return MEDIA_TYPES;
    }

    @Override
    public Optional<String> messageId(InboundMessage message) {
        return inbound.messageId(message);
    }

    @Override
    public InboundResult translate(InboundMessage message) {
        if (!MEDIA_TYPES.contains(message.mediaType())) {
            return InboundResult.rejected(List.of(new Fault("mediaType", "must be " + IjwInbound.MEDIA_TYPE)));
        }
        try {
            return inbound.translate(message);
        } catch (RuntimeException e) {
            // our bug, not Horizon's; still no exception may reach the core. The message of
            // an exception may quote the input, so only its type is logged.
            LOG.error("A Horizon message could not be translated because of {}", e.getClass().getName());
            return InboundResult.rejected(List.of(new Fault(IjwReader.BODY, "could not be read")));
        }
    }

    @Override
    public List<RenderedMessage> render(Notification notification) {
        return outbound.render(notification);
    }
}
