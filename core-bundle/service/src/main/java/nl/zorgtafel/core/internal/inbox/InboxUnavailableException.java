package nl.zorgtafel.core.internal.inbox;

/** The inbox cannot take a message now (the database does not answer in time): try again. */
public final class InboxUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InboxUnavailableException(String message) {
        super(message);
    }
}
