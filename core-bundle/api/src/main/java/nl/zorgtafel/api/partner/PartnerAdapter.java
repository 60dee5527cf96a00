package nl.zorgtafel.api.partner;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Connects one chain partner's own data exchange to the table. Implemented by each partner
 * bundle and registered as an OSGi service; the core binds every registered adapter and
 * drives its waiting inbox when it arrives.
 *
 * <p>An adapter is a stateless translator and must be safe to call from several threads.
 * No method throws on bad partner input: inbound faults come back as a {@link
 * InboundResult.Rejected} that names each one, never the personal value at fault.
 */
@ConsumerType
public interface PartnerAdapter {

    /** The partner this adapter speaks for: {@code ggz}, {@code rvdk}, {@code mee}, … */
    String partnerId();

    /** The media types (without parameters) of the inbound messages it reads. */
    Set<String> inboundMediaTypes();

    /**
     * The partner message id that the format itself carries (a FHIR {@code Bundle.id}, an
     * iJw {@code Identificatie}), read cheaply and without validating the message. Empty
     * when the format carries none or the message is too broken to find it; the core then
     * identifies the message by the SHA-256 of its body.
     */
    Optional<String> messageId(InboundMessage message);

    /** Translates a raw message into canonical events, or rejects it naming every fault. */
    InboundResult translate(InboundMessage message);

    /**
     * Renders a notification in the partner's own format, for delivery by the core. Most
     * formats need one message; some need more (FHIR: a {@code Communication} for every
     * notification, and a {@code Task} for an agreement the partner owns). The core
     * delivers them in the order given, each under a key of its own: the notification id
     * for the first, {@code <id>-2}, {@code <id>-3}, ... for the others. Render the same
     * notification the same way every time, so that a retry repeats the same keys.
     */
    List<RenderedMessage> render(Notification notification);
}
