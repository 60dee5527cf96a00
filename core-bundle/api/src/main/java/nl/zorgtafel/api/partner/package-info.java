/**
 * The partner SPI: what a partner adapter implements to connect one chain partner's own
 * data exchange to the table.
 *
 * <p>An adapter is a stateless translator. Inbound it turns a raw message into canonical
 * {@link nl.zorgtafel.api.partner.PartnerEvent events} or a {@link
 * nl.zorgtafel.api.partner.InboundResult.Rejected rejection} that names every fault;
 * outbound it renders a {@link nl.zorgtafel.api.partner.Notification} in the partner's
 * format. Storage, ordering, retries, idempotency, matching, authorisation and audit are
 * the core's, once, for every adapter.
 */
@Version("1.0.0")
package nl.zorgtafel.api.partner;

import org.osgi.annotation.versioning.Version;
