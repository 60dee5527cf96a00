package nl.zorgtafel.core.internal.outbox;

/** A delivery that did not reach the partner; the message says why, without content. */
public final class DeliveryException extends Exception {

    private static final long serialVersionUID = 1L;

    public DeliveryException(String reason) {
        super(reason, null, false, false);
    }
}
