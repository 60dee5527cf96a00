package nl.zorgtafel.partner.ggz.internal;

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
 * The GGZ (mental-health care) adapter: HL7 FHIR R4 JSON in, {@code Communication} and
 * {@code Task} out. The one component of this bundle; it only wires the plain translators.
 */
@Component(service = PartnerAdapter.class)
public final class GgzAdapter implements PartnerAdapter {

    static final String PARTNER_ID = "ggz";

    private static final Logger LOG = LoggerFactory.getLogger(GgzAdapter.class);

    private final FhirInbound inbound;
    private final FhirOutbound outbound;

    public GgzAdapter() {
        this.inbound = new FhirInbound(new FhirJson());
        this.outbound = new FhirOutbound(PARTNER_ID);
    }

    @Override
    public String partnerId() {
        return PARTNER_ID;
    }

    @Override
    public Set<String> inboundMediaTypes() {
        return Set.of(FhirInbound.MEDIA_TYPE);
    }

    @Override
    public Optional<String> messageId(InboundMessage message) {
        return inbound.messageId(message);
    }

    @Override
    public InboundResult translate(InboundMessage message) {
        if (!FhirInbound.MEDIA_TYPE.equals(message.mediaType())) {
            return InboundResult.rejected(List.of(new Fault("mediaType", "must be " + FhirInbound.MEDIA_TYPE)));
        }
        try {
            return inbound.translate(message);
        } catch (RuntimeException e) {
            // A bug of ours, not the partner's: still no exception may reach the core (see
            // PartnerAdapter). Only the type is logged; an exception's text may quote the input.
            LOG.error("A GGZ message could not be translated because of {}", e.getClass().getName());
            return InboundResult.rejected(List.of(new Fault(FhirJson.BODY, "could not be read")));
        }
    }

    @Override
    public List<RenderedMessage> render(Notification notification) {
        return outbound.render(notification);
    }
}
