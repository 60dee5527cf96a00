package nl.zorgtafel.core.internal.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned schema migrations: plain SQL scripts {@code db/migration/V<nnn>__<what>.sql},
 * applied in order at start, each once, each in its own transaction. The applied versions
 * are recorded in {@code schema_version}. A script is never edited after it shipped; a
 * change is a new script.
 */
final class SchemaMigrations {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);

    /** The scripts, in the order they apply. Add new ones at the end. */
    static final List<String> SCRIPTS = List.of(
            "V001__case_model_and_inbox.sql",
            "V002__outbox.sql",
            "V003__table.sql",
            "V010__audit_and_privacy.sql",
            "V011__login_failures.sql",
            "V020__inbox_work_queue_by_partner.sql");

    void apply(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        ensureVersionTable(connection);
        int current = currentVersion(connection);
        for (int i = current; i < SCRIPTS.size(); i++) {
            String script = SCRIPTS.get(i);
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements(read(script))) {
                    statement.execute(sql);
                }
                try (PreparedStatement record = connection.prepareStatement(
                        "INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
                    record.setInt(1, i + 1);
                    record.setString(2, script);
                    record.setTimestamp(3, Timestamp.from(Instant.now()));
                    record.executeUpdate();
                }
                connection.commit();
                LOG.info("Schema migrated to version {} ({})", i + 1, script);
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
        connection.setAutoCommit(true);
    }

    private static void ensureVersionTable(Connection connection) throws SQLException {
        if (tableExists(connection, "SCHEMA_VERSION")) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE schema_version ("
                    + "version INTEGER NOT NULL PRIMARY KEY, script VARCHAR(200) NOT NULL, applied_at TIMESTAMP NOT NULL)");
        }
        connection.commit();
    }

    private static boolean tableExists(Connection connection, String upperCaseName) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, upperCaseName, null)) {
            if (tables.next()) {
                return true;
            }
        }
        try (ResultSet tables = connection.getMetaData().getTables(null, null, upperCaseName.toLowerCase(), null)) {
            return tables.next();
        }
    }

    private static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
            result.next();
            return result.getInt(1);
        }
    }

    private static String read(String script) {
        try (InputStream in = SchemaMigrations.class.getResourceAsStream("/db/migration/" + script)) {
            if (in == null) {
                throw new IllegalStateException("migration script missing from the bundle: " + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration script " + script, e);
        }
    }

    /** Splits a script on semicolons that end a line; drops comment lines. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }
}
