package nl.zorgtafel.performance.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor under durable ingestion on this machine: parse a FHIR bundle with Jackson and
 * insert it into embedded Derby on disk (CLOB body, unique id), committing each message
 * alone or a hundred at a time. The platform's own ingestion is reported as a share of it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DerbyFloorBenchmark {

    private static final int BATCH = 100;

    private final ObjectMapper json = new ObjectMapper();
    private Path directory;
    private Connection connection;
    private PreparedStatement insert;
    private String body;
    private long next;

    @Setup(Level.Trial)
    public void open() throws IOException, SQLException {
        try (InputStream in = DerbyFloorBenchmark.class.getClassLoader().getResourceAsStream("samples/ggz.json")) {
            body = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        directory = Files.createTempDirectory("derby-floor");
        System.setProperty("derby.stream.error.file", directory.resolve("derby.log").toString());
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(directory.resolve("db").toString());
        dataSource.setCreateDatabase("create");
        connection = dataSource.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE message (id VARCHAR(64) NOT NULL PRIMARY KEY, body CLOB NOT NULL)");
        }
        connection.setAutoCommit(false);
        insert = connection.prepareStatement("INSERT INTO message (id, body) VALUES (?, ?)");
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        insert.close();
        connection.close();
        EmbeddedDataSource shutdown = new EmbeddedDataSource();
        shutdown.setShutdownDatabase("shutdown");
        try (Connection ignored = shutdown.getConnection()) {
            // Derby confirms a shutdown by throwing
        } catch (SQLException expected) {
            // XJ015: the engine is down
        }
    }

    @Benchmark
    public void commitPerMessage() throws Exception {
        store();
        connection.commit();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void commitPerHundred() throws Exception {
        for (int i = 0; i < BATCH; i++) {
            store();
        }
        connection.commit();
    }

    private void store() throws Exception {
        JsonNode parsed = json.readTree(body);
        insert.setString(1, parsed.path("id").asText() + "-" + next++);
        insert.setString(2, body);
        insert.executeUpdate();
    }
}
