package nl.zorgtafel.core.internal.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import nl.zorgtafel.core.internal.crypto.DatabaseKey;
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
        return open(directory, errorLog, null);
    }

    /**
     * Opens the database encrypted as a whole (Derby's {@code dataEncryption}, AES-256): every
     * page, the transaction log and temporary files, so that no file under the database folder
     * holds personal data in clear. A database created before without encryption is encrypted
     * in place at this boot; when {@code key} names a next key, the database is re-encrypted
     * under it and the key file is updated.
     *
     * @param key the boot key, or {@code null} for an unencrypted database (tests only)
     */
    public static Database open(Path directory, Path errorLog, DatabaseKey key) throws SQLException {
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
        EmbeddedDataSource boot = dataSource;
        if (key != null) {
            // the key travels only with the connection that boots the database
            boot = new EmbeddedDataSource();
            boot.setDatabaseName(directory.toAbsolutePath().toString());
            boot.setCreateDatabase("create");
            boot.setConnectionAttributes(encryptionAttributes(directory, key));
        }
        try (Connection connection = boot.getConnection()) {
            new SchemaMigrations().apply(connection);
        }
        if (key != null && key.nextHex().isPresent()) {
            try {
                key.promote();
                LOG.info("Database re-encrypted under the next key; the key file now names it");
            } catch (java.io.IOException e) {
                throw new SQLException("the database was re-encrypted but the key file could not be updated: "
                        + "set database.key to the value of database.key.next by hand before the next start", e);
            }
        }
        LOG.info("Database open at {}", directory.toAbsolutePath());
        return database;
    }

    private static String encryptionAttributes(Path directory, DatabaseKey key) throws SQLException {
        // Derby does not note the algorithm in service.properties: it is given at every boot
        String attributes = "encryptionAlgorithm=AES/CBC/NoPadding;encryptionKey=" + key.hex();
        if (!encrypted(directory)) {
            return "dataEncryption=true;" + attributes;
        }
        return key.nextHex().map(next -> attributes + ";newEncryptionKey=" + next).orElse(attributes);
    }

    /** Whether the database in this folder exists and is encrypted (Derby notes it in service.properties). */
    private static boolean encrypted(Path directory) throws SQLException {
        Path service = directory.resolve("service.properties");
        if (!Files.exists(service)) {
            return false;
        }
        try {
            return Files.readAllLines(service, java.nio.charset.StandardCharsets.ISO_8859_1).stream()
                    .map(String::strip).anyMatch(line -> line.replace(" ", "").equals("dataEncryption=true"));
        } catch (java.io.IOException e) {
            throw new SQLException("cannot read the database's service.properties", e);
        }
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
