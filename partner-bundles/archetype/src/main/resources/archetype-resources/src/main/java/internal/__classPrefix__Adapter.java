package ${package}.internal;

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

/**
 * The ${partnerName} adapter: the one component of this bundle. It registers the
 * {@link PartnerAdapter} service that the platform binds, and wires the plain translators
 * that do the work; it holds no state and does nothing else.
 *
 * <p>The translators start out with the platform's canonical JSON. Replace them with the
 * partner's own format; this class changes only in its media types.
 */
@Component(service = PartnerAdapter.class, property = "partnerId=" + ${classPrefix}Adapter.PARTNER_ID)
public final class ${classPrefix}Adapter implements PartnerAdapter {

    static final String PARTNER_ID = "${partnerId}";

    private final ${classPrefix}Inbound inbound;
    private final ${classPrefix}Outbound outbound;

    public ${classPrefix}Adapter() {
        this.inbound = new ${classPrefix}Inbound();
        this.outbound = new ${classPrefix}Outbound();
    }

    @Override
    public String partnerId() {
        return PARTNER_ID;
    }

    @Override
    public Set<String> inboundMediaTypes() {
        return Set.of(${classPrefix}Inbound.MEDIA_TYPE);
    }

    @Override
    public Optional<String> messageId(InboundMessage message) {
        return inbound.messageId(message);
    }

    @Override
    public InboundResult translate(InboundMessage message) {
        if (!inboundMediaTypes().contains(message.mediaType())) {
            return InboundResult.rejected(List.of(new Fault("mediaType", "must be " + ${classPrefix}Inbound.MEDIA_TYPE)));
        }
        return inbound.translate(message);
    }

    @Override
    public List<RenderedMessage> render(Notification notification) {
        return outbound.render(notification);
    }
}
