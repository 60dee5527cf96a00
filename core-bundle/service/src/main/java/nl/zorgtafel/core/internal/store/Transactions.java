package nl.zorgtafel.core.internal.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work in one database transaction: commit when it returns, roll back when it throws.
 * A lock timeout or deadlock rolls back and runs the whole work again, a few times, since
 * such a failure says nothing about the work itself.
 */
public final class Transactions {

    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);
    private static final int ATTEMPTS = 5;

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Store store);
    }

    private final DataSource dataSource;

    public Transactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> T run(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return runOnce(work);
            } catch (StoreException e) {
                if (!e.isTransient() || attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.debug("Transaction hit {} (attempt {}); running it again", e.sqlState(), attempt);
            }
        }
    }

    private <T> T runOnce(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            try {
                T result = work.run(new JdbcStore(connection));
                connection.commit();
                return result;
            } catch (RuntimeException | Error e) {
                rollBack(connection);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("database transaction failed", e);
        }
    }

    private static void rollBack(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.warn("Rollback failed with state {}", e.getSQLState());
        }
    }
}
