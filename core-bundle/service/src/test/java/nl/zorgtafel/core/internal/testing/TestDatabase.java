package nl.zorgtafel.core.internal.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import nl.zorgtafel.core.internal.store.Database;
import nl.zorgtafel.core.internal.store.Transactions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real embedded Derby database on disk, in a fresh folder under
 * {@code target/test-databases/} for each test class: opened (and migrated) before the
 * class's first test, emptied before each test, shut down and deleted after the last.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TestDatabase DATABASE = new TestDatabase();
 * }</pre>
 *
 * <p>Besides the {@link Transactions} the code under test uses, it offers plain SQL, so
 * that a test can look at rows the way an auditor would, or set up what has no API yet.
 */
public final class TestDatabase implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    /** Derby's answer to a DELETE of rows that another table's rows still refer to. */
    private static final String STILL_REFERENCED = "23503";

    private Path folder;
    private Database database;

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        folder = Path.of(System.getProperty("basedir", "."), "target", "test-databases",
                context.getRequiredTestClass().getSimpleName() + "-" + UUID.randomUUID());
        open();
    }

    /**
     * Empties every table but {@code schema_version}, whatever tables the migrations made:
     * a table that other rows still refer to is emptied in a later round, after them.
     */
    @Override
    public void beforeEach(ExtensionContext context) throws SQLException {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            List<String> left = tables(connection);
            while (!left.isEmpty()) {
                List<String> referenced = new ArrayList<>();
                for (String table : left) {
                    try {
                        statement.executeUpdate("DELETE FROM " + table);
                    } catch (SQLException e) {
                        if (!STILL_REFERENCED.equals(e.getSQLState())) {
                            throw e;
                        }
                        referenced.add(table);
                    }
                }
                if (referenced.size() == left.size()) {
                    throw new IllegalStateException("cannot empty " + referenced);
                }
                left = referenced;
            }
        }
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = connection.getMetaData().getTables(null, "APP", "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }
        tables.removeIf(table -> table.equalsIgnoreCase("schema_version"));
        return tables;
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        database.close();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Shuts the database down and opens it again from disk, as a restart would. */
    public void reopen() throws SQLException {
        database.close();
        open();
    }

    private void open() throws SQLException {
        // a throwaway database: Derby may skip forcing its log to disk (never outside tests)
        System.setProperty("derby.system.durability", "test");
        database = Database.open(folder.resolve("database"), folder.resolve("derby.log"));
    }

    public DataSource dataSource() {
        return database.dataSource();
    }

    public Transactions transactions() {
        return new Transactions(dataSource());
    }

    /** The number of rows in a table. */
    public long rowsIn(String table) {
        return count("SELECT COUNT(*) FROM " + table);
    }

    /** The result of a {@code SELECT COUNT(*) ...}. */
    public long count(String sql, Object... parameters) {
        return ((Number) single(sql, parameters)).longValue();
    }

    /** The one value a query selects, or {@code null}; a BLOB comes back as its bytes. */
    public Object single(String sql, Object... parameters) {
        List<Object> values = column(sql, parameters);
        if (values.size() != 1) {
            throw new IllegalStateException("expected one row, got " + values.size() + " from " + sql);
        }
        return values.get(0);
    }

    /** The first column of every row a query selects, in the query's order. */
    public List<Object> column(String sql, Object... parameters) {
        try (Connection connection = dataSource().getConnection();
             PreparedStatement query = prepare(connection, sql, parameters);
             ResultSet rows = query.executeQuery()) {
            List<Object> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getMetaData().getColumnType(1) == java.sql.Types.BLOB ? rows.getBytes(1)
                        : rows.getObject(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("test query failed: " + sql, e);
        }
    }

    /** Runs an INSERT, UPDATE or DELETE in its own transaction; returns the rows it touched. */
    public int update(String sql, Object... parameters) {
        try (Connection connection = dataSource().getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("test update failed: " + sql, e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            Object parameter = parameters[i];
            statement.setObject(i + 1, parameter instanceof LocalDate date ? Date.valueOf(date) : parameter);
        }
        return statement;
    }
}
