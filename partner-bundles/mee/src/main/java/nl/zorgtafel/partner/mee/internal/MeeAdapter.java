package nl.zorgtafel.partner.mee.internal;

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
 * The MEE (support for people with a disability) adapter: a daily CSV batch in, a CSV file
 * per notification out. The one component of this bundle; it only wires the plain
 * translators.
 */
@Component(service = PartnerAdapter.class)
public final class MeeAdapter implements PartnerAdapter {

    static final String PARTNER_ID = "mee";

    private static final Logger LOG = LoggerFactory.getLogger(MeeAdapter.class);

    private final MeeInbound inbound = new MeeInbound();
    private final MeeOutbound outbound = new MeeOutbound();

    @Override
    public String partnerId() {
        return PARTNER_ID;
    }

    @Override
    public Set<String> inboundMediaTypes() {
        return Set.of(MeeInbound.MEDIA_TYPE);
    }

    @Override
    public Optional<String> messageId(InboundMessage message) {
        return inbound.messageId(message);
    }

    @Override
    public InboundResult translate(InboundMessage message) {
        if (!MeeInbound.MEDIA_TYPE.equals(message.mediaType())) {
            return InboundResult.rejected(List.of(new Fault("mediaType", "must be " + MeeInbound.MEDIA_TYPE)));
        }
        try {
            return inbound.translate(message);
        } catch (RuntimeException e) {
            // Our bug, not MEE's; still nothing may reach the core. Only the type is logged:
            // an exception's text may quote a cell.
            LOG.error("A MEE file could not be translated because of {}", e.getClass().getName());
            return InboundResult.rejected(List.of(new Fault(MeeInbound.BODY, "could not be read")));
        }
    }

    @Override
    public List<RenderedMessage> render(Notification notification) {
        return outbound.render(notification);
    }
}
