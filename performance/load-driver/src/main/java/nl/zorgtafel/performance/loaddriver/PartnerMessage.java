package nl.zorgtafel.performance.loaddriver;

import java.util.List;

/**
 * One message as a partner system sends it, and what the driver expects it to do.
 *
 * @param messageId the partner message id the format carries (for MEE: the Idempotency-Key)
 * @param idempotencyKey the {@code Idempotency-Key} header to send, or null
 * @param youth index of the youth it is about in the run's {@link TestYouths}
 * @param bad sent deliberately faulty: must be answered 400, or end REJECTED
 * @param references the references of the case entries it creates (signals, trajectories,
 *     investigations, advice, measures); empty for a bad message
 * @param crisisSignals how many of those are crisis signals
 */
record PartnerMessage(String partnerId, String messageId, String mediaType, byte[] body, String idempotencyKey,
                      int youth, boolean bad, List<String> references, int crisisSignals) {

    PartnerMessage {
        references = List.copyOf(references);
    }
}
