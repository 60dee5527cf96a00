package nl.zorgtafel.core.internal.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Derby database on disk: opened (and created the first time) through a
 * {@link DataSource}, migrated to the current schema, and shut down cleanly so that the
 * next start needs no recovery and a restarted bundle can boot it again.
 *
 * <p>This is the one class that knows it is Derby; the SQL elsewhere is portable.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final Path directory;
    private final EmbeddedDataSource dataSource;

    private Database(Path directory, EmbeddedDataSource dataSource) {
        this.directory = directory;
        this.dataSource = dataSource;
    }

    /**
     * Opens the database in {@code directory}, creating it when absent, and applies the
     * schema migrations it lacks.
     *
     * @param errorLog where Derby writes its own diagnostics (it never logs statement
     *     text or row values unless asked to)
     */
    public static Database open(Path directory, Path errorLog) throws SQLException {
        try {
            Files.createDirectories(directory.toAbsolutePath().getParent());
            Files.createDirectories(errorLog.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new SQLException("cannot create the database folder", e);
        }
        // Derby reads these once, when its engine boots in this class loader
        System.setProperty("derby.stream.error.file", errorLog.toAbsolutePath().toString());
        System.setProperty("derby.language.logStatementText", "false");
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(directory.toAbsolutePath().toString());
        dataSource.setCreateDatabase("create");
        Database database = new Database(directory, dataSource);
        try (Connection connection = dataSource.getConnection()) {
            new SchemaMigrations().apply(connection);
        }
        LOG.info("Database open at {}", directory.toAbsolutePath());
        return database;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Path directory() {
        return directory;
    }

    /** Shuts the database and this class loader's Derby engine down. */
    @Override
    public void close() {
        EmbeddedDataSource shutdown = new EmbeddedDataSource();
        shutdown.setDatabaseName(directory.toAbsolutePath().toString());
        shutdown.setShutdownDatabase("shutdown");
        expectShutdown(shutdown, "08006");
        EmbeddedDataSource engine = new EmbeddedDataSource();
        engine.setShutdownDatabase("shutdown");
        expectShutdown(engine, "XJ015");
        LOG.info("Database closed");
    }

    private static void expectShutdown(EmbeddedDataSource dataSource, String expectedState) {
        try (Connection ignored = dataSource.getConnection()) {
            LOG.warn("Derby did not confirm its shutdown");
        } catch (SQLException e) {
            // Derby confirms a shutdown by throwing
            if (!expectedState.equals(e.getSQLState()) && !"XJ004".equals(e.getSQLState())) {
                LOG.warn("Derby shutdown ended with state {}", e.getSQLState());
            }
        }
    }
}
