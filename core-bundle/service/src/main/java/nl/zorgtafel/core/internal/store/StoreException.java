package nl.zorgtafel.core.internal.store;

import java.sql.SQLException;

/** A failure of the database, carrying its SQL state so that callers can tell a conflict. */
public final class StoreException extends RuntimeException {

    private final String sqlState;

    public StoreException(String message, SQLException cause) {
        super(message, cause);
        this.sqlState = cause.getSQLState();
    }

    public String sqlState() {
        return sqlState == null ? "" : sqlState;
    }

    /** A unique or primary key was violated: someone else stored the same thing first. */
    public boolean isDuplicateKey() {
        return sqlState().equals("23505");
    }

    /** A value the store cannot hold (too long, out of range): running it again cannot help. */
    public boolean isDataFault() {
        return sqlState().startsWith("22");
    }

    /** A lock timeout or deadlock: the transaction can be retried as a whole. */
    public boolean isTransient() {
        return sqlState().equals("40XL1") || sqlState().equals("40001") || sqlState().equals("40P01");
    }
}
