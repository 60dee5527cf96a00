package nl.zorgtafel.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import nl.zorgtafel.core.internal.http.ApiServlet.Path;
import org.junit.jupiter.api.Test;

class ApiServletPathTest {

    @Test
    void aPathMatchesItsOwnSegments() {
        assertThat(Path.of("/signals").is("signals")).isTrue();
        assertThat(Path.of("/cases").is("signals")).isFalse();
    }

    @Test
    void aStarMatchesAnyOneSegment() {
        Path path = Path.of("/partners/ggz/messages");

        assertThat(path.is("partners", "*", "messages")).isTrue();
        assertThat(path.segment(1)).isEqualTo("ggz");
    }

    @Test
    void aStarDoesNotMatchAnEmptySegment() {
        assertThat(Path.of("/partners//messages").is("partners", "*", "messages")).isFalse();
        assertThat(Path.of("/cases/").is("cases", "*")).isFalse();
    }

    @Test
    void thePatternMustHaveAsManySegmentsAsThePath() {
        Path path = Path.of("/cases/c-1/timeline");

        assertThat(path.is("cases", "*")).isFalse();
        assertThat(path.is("cases", "*", "timeline", "*")).isFalse();
        assertThat(path.is("cases", "*", "timeline")).isTrue();
    }

    @Test
    void aTrailingSlashIsAnotherPath() {
        assertThat(Path.of("/cases/").is("cases")).isFalse();
    }

    @Test
    void theRootHasNoSegments() {
        assertThat(Path.of(null).segments()).isEmpty();
        assertThat(Path.of("").segments()).isEmpty();
        assertThat(Path.of("/").segments()).isEmpty();
        assertThat(Path.of("/").is()).isTrue();
    }
}
