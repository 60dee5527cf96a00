package nl.zorgtafel.core.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import nl.zorgtafel.core.internal.testing.StoryClock;
import org.junit.jupiter.api.Test;

class SessionsTest {

    private static final Caller COORDINATOR = Caller.person("daan", Set.of("coordinator"));
    private static final Caller GGZ_PROFESSIONAL = Caller.person("fenna", Set.of("partner-ggz"));

    private final StoryClock clock = new StoryClock(LocalDate.of(2026, 3, 2));
    private final Sessions sessions = new Sessions(clock, Duration.ofMinutes(30), Duration.ofHours(12), 100);

    @Test
    void anOpenedSessionIsFoundByItsIdAndNamesItsPerson() {
        Sessions.Session session = sessions.open(GGZ_PROFESSIONAL);

        assertThat(sessions.find(session.id())).map(Sessions.Session::caller).contains(GGZ_PROFESSIONAL);
    }

    @Test
    void everySessionHasItsOwnUnguessableIdAndCsrfToken() {
        Sessions.Session first = sessions.open(COORDINATOR);
        Sessions.Session second = sessions.open(COORDINATOR);

        assertThat(first.id()).isNotEqualTo(second.id()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(first.csrfToken()).isNotEqualTo(first.id()).isNotEqualTo(second.csrfToken());
    }

    @Test
    void aSessionUnusedForTheIdleTimeoutHasEnded() {
        Sessions.Session session = sessions.open(COORDINATOR);

        clock.advance(Duration.ofMinutes(30));

        assertThat(sessions.find(session.id())).isEmpty();
    }

    @Test
    void usingASessionKeepsItAlive() {
        Sessions.Session session = sessions.open(COORDINATOR);

        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofMinutes(29));
            assertThat(sessions.find(session.id())).isPresent();
        }
    }

    @Test
    void aPagesOwnRefreshIsServedButDoesNotKeepAnUnattendedSessionAlive() {
        Sessions.Session session = sessions.open(COORDINATOR);

        clock.advance(Duration.ofMinutes(20));
        assertThat(sessions.find(session.id(), false)).isPresent();
        clock.advance(Duration.ofMinutes(10));

        assertThat(sessions.find(session.id(), false)).isEmpty();
    }

    @Test
    void aSessionInUseStillEndsAfterItsLifetime() {
        Sessions.Session session = sessions.open(COORDINATOR);

        for (int i = 0; i < 12 * 3; i++) {
            clock.advance(Duration.ofMinutes(20));
            sessions.find(session.id());
        }

        assertThat(sessions.find(session.id())).isEmpty();
    }

    @Test
    void aClosedSessionIsGone() {
        Sessions.Session session = sessions.open(COORDINATOR);

        sessions.close(session.id());

        assertThat(sessions.find(session.id())).isEmpty();
        assertThat(sessions.count()).isZero();
    }

    @Test
    void anUnknownOrMissingIdIsNoSession() {
        assertThat(sessions.find("made-up")).isEmpty();
        assertThat(sessions.find("")).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
    }

    @Test
    void onlyPeopleHaveSessions() {
        assertThatThrownBy(() -> sessions.open(Caller.partnerSystem("ggz")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whenFullTheLeastRecentlyUsedSessionMakesRoom() {
        Sessions small = new Sessions(clock, Duration.ofMinutes(30), Duration.ofHours(12), 2);
        Sessions.Session first = small.open(COORDINATOR);
        clock.advance(Duration.ofMinutes(1));
        Sessions.Session second = small.open(GGZ_PROFESSIONAL);
        clock.advance(Duration.ofMinutes(1));
        small.find(first.id());

        Sessions.Session third = small.open(GGZ_PROFESSIONAL);

        assertThat(small.find(second.id())).isEmpty();
        assertThat(small.find(first.id())).isPresent();
        assertThat(small.find(third.id())).isPresent();
    }

    @Test
    void readingNeedsNoCsrfToken() {
        Sessions.Session session = sessions.open(COORDINATOR);

        assertThat(Sessions.allows(session, "GET", null)).isTrue();
        assertThat(Sessions.allows(session, "HEAD", null)).isTrue();
    }

    @Test
    void changingStateNeedsTheSessionsOwnCsrfToken() {
        Sessions.Session session = sessions.open(COORDINATOR);
        Sessions.Session other = sessions.open(COORDINATOR);

        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            assertThat(Sessions.allows(session, method, null)).as(method).isFalse();
            assertThat(Sessions.allows(session, method, "")).as(method).isFalse();
            assertThat(Sessions.allows(session, method, other.csrfToken())).as(method).isFalse();
            assertThat(Sessions.allows(session, method, session.csrfToken())).as(method).isTrue();
        }
    }

    @Test
    void theSessionIdIsReadFromAmongOtherCookies() {
        assertThat(Sessions.sessionId("theme=dark; zorgtafel-session=abc_123; lang=nl")).contains("abc_123");
        assertThat(Sessions.sessionId("zorgtafel-session=\"abc\"")).contains("abc");
        assertThat(Sessions.sessionId("other-zorgtafel-session=abc")).isEmpty();
        assertThat(Sessions.sessionId("zorgtafel-session=")).isEmpty();
        assertThat(Sessions.sessionId(null)).isEmpty();
    }

    @Test
    void theCookieIsHttpOnlyStrictAndLimitedToTheApi() {
        Sessions.Session session = sessions.open(COORDINATOR);

        assertThat(Sessions.cookie(session, false))
                .isEqualTo("zorgtafel-session=" + session.id() + "; Path=/api/v1; HttpOnly; SameSite=Strict");
        assertThat(Sessions.cookie(session, true)).endsWith("; Secure");
        assertThat(Sessions.expiredCookie(false)).contains("Max-Age=0").doesNotContain(session.id());
    }

    @Test
    void aSessionPrintsNeitherItsIdNorItsToken() {
        Sessions.Session session = sessions.open(COORDINATOR);

        assertThat(session.toString()).doesNotContain(session.id()).doesNotContain(session.csrfToken());
    }
}
