package nl.zorgtafel.core.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import nl.zorgtafel.core.internal.crypto.DatabaseKey;
import nl.zorgtafel.core.internal.crypto.KeyRing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Derby's whole-database encryption under the key file's boot key: create, reopen, migrate, re-key. */
class DatabaseEncryptionTest {

    private static final String NAME = "Fenna Zoutendijk";
    private Path folder;
    private Path keyFile;

    @BeforeEach
    void folder() throws IOException {
        folder = Path.of(System.getProperty("basedir", "."), "target", "test-databases",
                "encryption-" + UUID.randomUUID());
        Files.createDirectories(folder);
        keyFile = folder.resolve("keys.properties");
        KeyRing.openOrCreate(keyFile);
    }

    @AfterEach
    void delete() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Test
    void anEncryptedDatabaseHoldsNoNameInClearAndOpensAgainWithItsKey() throws Exception {
        Path directory = folder.resolve("db");
        Database database = Database.open(directory, folder.resolve("derby.log"), DatabaseKey.openOrAdd(keyFile));
        insertYouth(database);
        database.close();

        assertThat(filesHolding(directory, NAME)).isEmpty();
        assertThat(Files.readString(keyFile)).contains("database.key=");

        Database reopened = Database.open(directory, folder.resolve("derby.log"), DatabaseKey.openOrAdd(keyFile));
        assertThat(names(reopened)).containsExactly(NAME);
        reopened.close();
    }

    @Test
    void withoutTheKeyTheDatabaseDoesNotOpen() throws Exception {
        Path directory = folder.resolve("db");
        Database.open(directory, folder.resolve("derby.log"), DatabaseKey.openOrAdd(keyFile)).close();

        assertThatThrownBy(() -> Database.open(directory, folder.resolve("derby.log")))
                .isInstanceOf(SQLException.class);
    }

    @Test
    void aDatabaseMadeWithoutEncryptionIsEncryptedAtItsNextStart() throws Exception {
        Path directory = folder.resolve("db");
        Database plain = Database.open(directory, folder.resolve("derby.log"));
        insertYouth(plain);
        plain.close();
        assertThat(filesHolding(directory, NAME)).isNotEmpty();

        Database encrypted = Database.open(directory, folder.resolve("derby.log"), DatabaseKey.openOrAdd(keyFile));
        assertThat(names(encrypted)).containsExactly(NAME);
        encrypted.close();

        assertThat(filesHolding(directory, NAME)).isEmpty();
    }

    @Test
    void aNextKeyReencryptsTheDatabaseAndBecomesTheKey() throws Exception {
        Path directory = folder.resolve("db");
        DatabaseKey first = DatabaseKey.openOrAdd(keyFile);
        Database database = Database.open(directory, folder.resolve("derby.log"), first);
        insertYouth(database);
        database.close();
        byte[] nextKey = new byte[32];
        new java.security.SecureRandom().nextBytes(nextKey);
        String next = java.util.Base64.getEncoder().encodeToString(nextKey);
        Files.writeString(keyFile, "database.key.next=" + next + "\n", java.nio.file.StandardOpenOption.APPEND);

        Database rekeyed = Database.open(directory, folder.resolve("derby.log"), DatabaseKey.openOrAdd(keyFile));
        rekeyed.close();

        assertThat(Files.readString(keyFile)).contains("database.key=" + next).doesNotContain("database.key.next");
        Database again = Database.open(directory, folder.resolve("derby.log"), DatabaseKey.openOrAdd(keyFile));
        assertThat(names(again)).containsExactly(NAME);
        again.close();
        assertThat(DatabaseKey.openOrAdd(keyFile).hex()).isNotEqualTo(first.hex());
    }

    private static void insertYouth(Database database) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO youth (id, given_name, family_name, created_at) VALUES "
                    + "('y-1', '" + NAME + "', 'x', CURRENT_TIMESTAMP)");
        }
    }

    private static List<String> names(Database database) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT given_name FROM youth")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static List<Path> filesHolding(Path directory, String text) throws IOException {
        List<Path> holding = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                if (content.contains(text)) {
                    holding.add(file);
                }
            }
        }
        return holding;
    }
}
