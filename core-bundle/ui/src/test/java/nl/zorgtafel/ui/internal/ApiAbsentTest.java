package nl.zorgtafel.ui.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiAbsentTest {

    @Test
    void requestsForTheApiAreAnsweredAsUnavailable() {
        assertThat(ApiAbsent.concerns("/api/v1/partners/ggz/messages")).isTrue();
        assertThat(ApiAbsent.concerns("/api/v1/health")).isTrue();
        assertThat(ApiAbsent.concerns("/api")).isTrue();
    }

    @Test
    void everythingElseStaysTheUisOrUnknown() {
        assertThat(ApiAbsent.concerns("/")).isFalse();
        assertThat(ApiAbsent.concerns("/ui")).isFalse();
        assertThat(ApiAbsent.concerns("/apis")).isFalse();
        assertThat(ApiAbsent.concerns("/favicon.ico")).isFalse();
        assertThat(ApiAbsent.concerns(null)).isFalse();
    }
}
