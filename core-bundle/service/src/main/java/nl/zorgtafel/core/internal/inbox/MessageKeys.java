package nl.zorgtafel.core.internal.inbox;

import java.util.Optional;
import nl.zorgtafel.api.partner.InboundMessage;
import nl.zorgtafel.api.partner.PartnerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a partner message is identified: the {@code Idempotency-Key} header when present,
 * else the id the format carries, else (until an adapter can read it) the SHA-256 of the
 * body under a provisional key.
 */
final class MessageKeys {

    private static final Logger LOG = LoggerFactory.getLogger(MessageKeys.class);
    private static final String PROVISIONAL = "sha256:";
    static final int MAX_LENGTH = 200;

    private MessageKeys() {
    }

    static String provisional(String bodySha256) {
        return PROVISIONAL + bodySha256;
    }

    static boolean isProvisional(String key) {
        return key.startsWith(PROVISIONAL);
    }

    /** The id the format carries, if the adapter finds one that fits the store. */
    static Optional<String> formatId(PartnerAdapter adapter, InboundMessage message) {
        try {
            return adapter.messageId(message)
                    .map(String::strip)
                    .filter(id -> !id.isEmpty() && id.length() <= MAX_LENGTH && !isProvisional(id));
        } catch (RuntimeException e) {
            LOG.warn("Adapter of partner {} failed to read a message id: {}", message.partnerId(),
                    e.getClass().getName());
            return Optional.empty();
        }
    }
}
