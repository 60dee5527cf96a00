package nl.zorgtafel.core.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import nl.zorgtafel.core.internal.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SchemaMigrationsTest {

    @RegisterExtension
    static final TestDatabase DATABASE = new TestDatabase();

    @Test
    void aNewDatabaseRecordsOneRowPerScript() {
        assertThat(DATABASE.column("SELECT script FROM schema_version ORDER BY version"))
                .containsExactlyElementsOf(SchemaMigrations.SCRIPTS);
        assertThat(DATABASE.column("SELECT version FROM schema_version ORDER BY version"))
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, SchemaMigrations.SCRIPTS.size())
                        .boxed().toList());
    }

    @Test
    void reopeningTheDatabaseAppliesNothingAgainAndKeepsTheData() throws SQLException {
        DATABASE.update("INSERT INTO youth (id, given_name, family_name, created_at) VALUES"
                + " ('y-1', 'Noor', 'Testdal', CURRENT_TIMESTAMP)");
        Object appliedAt = DATABASE.single("SELECT applied_at FROM schema_version WHERE version = 1");

        DATABASE.reopen();

        assertThat(DATABASE.rowsIn("schema_version")).isEqualTo(SchemaMigrations.SCRIPTS.size());
        assertThat(DATABASE.single("SELECT applied_at FROM schema_version WHERE version = 1")).isEqualTo(appliedAt);
        assertThat(DATABASE.rowsIn("youth")).isOne();
    }

    @Test
    void everyScriptOfTheBundleIsThere() {
        assertThat(SchemaMigrations.SCRIPTS).allSatisfy(script ->
                assertThat(SchemaMigrations.class.getResource("/db/migration/" + script)).isNotNull());
    }

    @Test
    void statementsAreSplitOnSemicolonsThatEndALine() {
        String script = """
                CREATE TABLE a (
                    id INTEGER NOT NULL
                );
                CREATE INDEX a_id ON a (id);
                """;

        assertThat(SchemaMigrations.statements(script)).containsExactly(
                "CREATE TABLE a (\n    id INTEGER NOT NULL\n)",
                "CREATE INDEX a_id ON a (id)");
    }

    @Test
    void commentLinesAndBlankLinesAreDropped() {
        String script = """
                -- the first table
                CREATE TABLE a (id INTEGER);

                    -- an indented comment
                CREATE TABLE b (id INTEGER);
                """;

        assertThat(SchemaMigrations.statements(script))
                .containsExactly("CREATE TABLE a (id INTEGER)", "CREATE TABLE b (id INTEGER)");
    }

    @Test
    void aSemicolonInsideALineDoesNotEndTheStatement() {
        String script = "INSERT INTO a (note) VALUES ('one; two');\n";

        assertThat(SchemaMigrations.statements(script)).containsExactly("INSERT INTO a (note) VALUES ('one; two')");
    }

    @Test
    void aLastStatementWithoutSemicolonIsKept() {
        assertThat(SchemaMigrations.statements("CREATE TABLE a (id INTEGER);\nCREATE TABLE b (id INTEGER)"))
                .containsExactly("CREATE TABLE a (id INTEGER)", "CREATE TABLE b (id INTEGER)");
    }

    @Test
    void windowsLineEndsSplitTheSameWay() {
        assertThat(SchemaMigrations.statements("CREATE TABLE a (id INTEGER);\r\nCREATE TABLE b (id INTEGER);\r\n"))
                .containsExactly("CREATE TABLE a (id INTEGER)", "CREATE TABLE b (id INTEGER)");
    }
}
