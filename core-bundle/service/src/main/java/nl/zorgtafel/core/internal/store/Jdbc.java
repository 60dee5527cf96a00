package nl.zorgtafel.core.internal.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The JDBC plumbing every part of the store shares: statements with bound parameters over
 * the transaction's connection, SQL failures turned into {@link StoreException}s, and the
 * conversions of absent values and dates.
 */
final class Jdbc {

    /** Maps the current row of a result. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** An SQL NULL of a given type, for parameters that may be absent. */
    record Null(int sqlType) {
    }

    private final Connection connection;

    Jdbc(Connection connection) {
        this.connection = connection;
    }

    Connection connection() {
        return connection;
    }

    <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... parameters) {
        List<T> rows = query(sql, mapper, parameters);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    <T> List<T> query(String sql, RowMapper<T> mapper, Object... parameters) {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            bind(query, parameters);
            return collect(query, mapper);
        } catch (SQLException e) {
            throw new StoreException("cannot read from the store", e);
        }
    }

    /** Like {@link #query(String, RowMapper, Object...)}, reading at most {@code limit} rows. */
    <T> List<T> query(String sql, int limit, RowMapper<T> mapper, Object... parameters) {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setMaxRows(limit);
            bind(query, parameters);
            return collect(query, mapper);
        } catch (SQLException e) {
            throw new StoreException("cannot read from the store", e);
        }
    }

    /** Runs an INSERT into a table whose key the database generates (column {@code seq}); returns the key. */
    long insert(String sql, Object... parameters) {
        try (PreparedStatement insert = connection.prepareStatement(sql, new String[] {"SEQ"})) {
            bind(insert, parameters);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot write to the store", e);
        }
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the number of rows it touched. */
    int update(String sql, Object... parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot write to the store", e);
        }
    }

    static <T> List<T> collect(PreparedStatement query, RowMapper<T> mapper) throws SQLException {
        List<T> rows = new ArrayList<>();
        try (ResultSet result = query.executeQuery()) {
            while (result.next()) {
                rows.add(mapper.map(result));
            }
        }
        return rows;
    }

    static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object parameter = parameters[i];
            if (parameter instanceof Null absent) {
                statement.setNull(i + 1, absent.sqlType());
            } else if (parameter instanceof byte[] bytes) {
                statement.setBytes(i + 1, bytes);
            } else {
                statement.setObject(i + 1, parameter);
            }
        }
    }

    static Object nullable(String value) {
        return value == null ? new Null(Types.VARCHAR) : value;
    }

    static Object date(LocalDate date) {
        return date == null ? new Null(Types.DATE) : Date.valueOf(date);
    }

    static LocalDate localDate(ResultSet row, int column) throws SQLException {
        Date date = row.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    static Object timestamp(Instant at) {
        return at == null ? new Null(Types.TIMESTAMP) : Timestamp.from(at);
    }

    static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static LocalDate localDate(ResultSet row, String column) throws SQLException {
        Date date = row.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }
}
