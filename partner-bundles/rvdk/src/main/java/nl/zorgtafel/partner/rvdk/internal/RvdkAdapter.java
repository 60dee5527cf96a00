package nl.zorgtafel.partner.rvdk.internal;

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
 * The RvdK (Raad voor de Kinderbescherming, child-protection board) adapter: Raadsbericht
 * XML in, {@code raadsverzoek} XML out. The one component of this bundle; it only wires
 * the plain translators.
 */
@Component(service = PartnerAdapter.class)
public final class RvdkAdapter implements PartnerAdapter {

    static final String PARTNER_ID = "rvdk";

    /** RFC 7303 makes {@code text/xml} the same as {@code application/xml}; the contract names the latter. */
    private static final Set<String> MEDIA_TYPES = Set.of(RaadsberichtInbound.MEDIA_TYPE, "text/xml");

    private static final Logger LOG = LoggerFactory.getLogger(RvdkAdapter.class);

    private final RaadsberichtInbound inbound;
    private final RvdkOutbound outbound;

    public RvdkAdapter() {
        this.inbound = new RaadsberichtInbound();
        this.outbound = new RvdkOutbound();
    }

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
            return InboundResult.rejected(List.of(new Fault("mediaType", "must be " + RaadsberichtInbound.MEDIA_TYPE)));
        }
        try {
            return inbound.translate(message);
        } catch (RuntimeException e) {
            // A bug of ours, not the partner's: still no exception may reach the core (see
            // PartnerAdapter). Only the type is logged; an exception's text may quote the input.
            LOG.error("An RvdK message could not be translated because of {}", e.getClass().getName());
            return InboundResult.rejected(List.of(new Fault(RaadsberichtReader.BODY, "could not be read")));
        }
    }

    @Override
    public List<RenderedMessage> render(Notification notification) {
        return outbound.render(notification);
    }
}
