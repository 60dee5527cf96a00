package nl.zorgtafel.performance.loaddriver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * The floor under durable ingestion, measured in the same run and on the same disk as the
 * platform's database: parse a partner message with Jackson and insert it into embedded
 * Derby (CLOB body, unique id), committing every hundred, as
 * {@code DerbyFloorBenchmark.commitPerHundred} does. One thread, a second of warm-up, then
 * as many messages as fit in the measuring time, counted per second (a slice ends with the
 * first commit after its second is over), so that a report can show how the seconds spread
 * on a machine that other work shares.
 */
final class Floor {

    /**
     * The result: messages per second over {@code messages} in {@code nanos}, and the
     * messages per second of each slice, in order.
     */
    record Result(double messagesPerSecond, long messages, long nanos, int batch, Path directory,
                  List<Double> slices) {

        Result {
            slices = List.copyOf(slices);
        }

        Spread spread() {
            return Spread.of(slices);
        }
    }

    static final int BATCH = 100;

    static final Duration SLICE = Duration.ofSeconds(1);

    private Floor() {
    }

    /**
     * @param parent a folder on the disk to measure (a temporary database is made in it and removed)
     * @param body the message to parse and store
     */
    static Result measure(Path parent, byte[] body, Duration time) throws IOException, SQLException {
        Path directory = Files.createTempDirectory(Files.createDirectories(parent), "derby-floor-");
        String previousLog = System.getProperty("derby.stream.error.file");
        System.setProperty("derby.stream.error.file", directory.resolve("derby.log").toString());
        String text = new String(body, StandardCharsets.UTF_8);
        ObjectMapper json = new ObjectMapper();
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(directory.resolve("db").toString());
        dataSource.setCreateDatabase("create");
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE message (id VARCHAR(64) NOT NULL PRIMARY KEY, body CLOB NOT NULL)");
            }
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO message (id, body) VALUES (?, ?)")) {
                long next = 0;
                long warmUpEnd = System.nanoTime() + Duration.ofSeconds(1).toNanos();
                while (System.nanoTime() < warmUpEnd) {
                    next = batch(json, insert, text, next);
                    connection.commit();
                }
                long start = System.nanoTime();
                long end = start + time.toNanos();
                List<Double> slices = new ArrayList<>();
                long sliceStart = start;
                long sliceEnd = start + SLICE.toNanos();
                long sliceMessages = 0;
                long measured = 0;
                long now;
                do {
                    next = batch(json, insert, text, next);
                    connection.commit();
                    measured += BATCH;
                    sliceMessages += BATCH;
                    now = System.nanoTime();
                    if (now >= sliceEnd || now >= end) {
                        slices.add(sliceMessages * 1e9 / (now - sliceStart));
                        sliceStart = now;
                        sliceMessages = 0;
                        while (sliceEnd <= now) {
                            sliceEnd += SLICE.toNanos();
                        }
                    }
                } while (now < end);
                long nanos = now - start;
                return new Result(measured * 1e9 / nanos, measured, nanos, BATCH, directory, slices);
            }
        } finally {
            shutdown(directory);
            if (previousLog == null) {
                System.clearProperty("derby.stream.error.file");
            } else {
                System.setProperty("derby.stream.error.file", previousLog);
            }
            delete(directory);
        }
    }

    private static long batch(ObjectMapper json, PreparedStatement insert, String body, long next)
            throws IOException, SQLException {
        for (int i = 0; i < BATCH; i++) {
            JsonNode parsed = json.readTree(body);
            insert.setString(1, parsed.path("id").asText() + "-" + next++);
            insert.setString(2, body);
            insert.executeUpdate();
        }
        return next;
    }

    private static void shutdown(Path directory) {
        EmbeddedDataSource shutdown = new EmbeddedDataSource();
        shutdown.setDatabaseName(directory.resolve("db").toString());
        shutdown.setShutdownDatabase("shutdown");
        try (Connection ignored = shutdown.getConnection()) {
            // Derby confirms a shutdown by throwing
        } catch (SQLException expected) {
            // 08006: the database is closed
        }
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
