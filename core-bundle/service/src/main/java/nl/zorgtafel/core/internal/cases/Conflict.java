package nl.zorgtafel.core.internal.cases;

/**
 * The table's data are not in a state that allows what was asked (closing a closed case,
 * confirming a decided candidate). The message says what is in the way, never a personal
 * value; the API answers it with 409.
 */
public final class Conflict extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public Conflict(String message) {
        super(message, null, false, false);
    }
}
