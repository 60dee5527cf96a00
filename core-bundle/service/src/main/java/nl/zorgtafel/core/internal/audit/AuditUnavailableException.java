package nl.zorgtafel.core.internal.audit;

/** An audit record could not be stored: what it was about must not be handed out. */
public final class AuditUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
