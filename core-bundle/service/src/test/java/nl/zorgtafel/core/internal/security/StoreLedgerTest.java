package nl.zorgtafel.core.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import nl.zorgtafel.core.internal.crypto.KeyRing;
import nl.zorgtafel.core.internal.crypto.Pseudonymizer;
import nl.zorgtafel.core.internal.testing.StoryClock;
import nl.zorgtafel.core.internal.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The login throttle's counts in the store, as the core wires them: a restart lifts no lock-out. */
class StoreLedgerTest {

    @RegisterExtension
    static final TestDatabase DATABASE = new TestDatabase();

    private static final Duration LOCK = Duration.ofMinutes(15);

    private final StoryClock clock = new StoryClock(LocalDate.of(2026, 5, 11));
    private final Pseudonymizer pseudonymizer = new Pseudonymizer(KeyRing.generate());

    @Test
    void aLockOutOutlivesARestartOfTheDatabaseAndTheCore() throws SQLException {
        LoginThrottle before = throttle();
        for (int i = 0; i < 3; i++) {
            before.failed("fenna", "10.0.0.1");
        }

        DATABASE.reopen();
        LoginThrottle afterRestart = throttle();

        assertThat(afterRestart.locked("fenna", "10.0.0.2")).isTrue();
        assertThat(afterRestart.locked("lotte", "10.0.0.2")).isFalse();
    }

    @Test
    void theStoreHoldsNeitherTheNameNorTheAddress() {
        LoginThrottle throttle = throttle();

        throttle.failed("Fenna", "10.0.0.1");

        assertThat(DATABASE.column("SELECT subject FROM login_failure")).hasSize(2).allSatisfy(subject ->
                assertThat(subject.toString()).matches("[0-9a-f]{64}").doesNotContainIgnoringCase("fenna")
                        .doesNotContain("10.0.0.1"));
        assertThat(DATABASE.column("SELECT failures FROM login_failure")).containsOnly(1);
    }

    @Test
    void eachFailureUpdatesTheOneRowOfItsSubjectAndASuccessRemovesIt() {
        LoginThrottle throttle = throttle();
        throttle.failed("fenna", null);
        throttle.failed("fenna", null);
        assertThat(DATABASE.single("SELECT failures FROM login_failure")).isEqualTo(2);

        throttle.succeeded("fenna");

        assertThat(DATABASE.rowsIn("login_failure")).isZero();
    }

    @Test
    void staleCountsAreRemovedAtStartAndLiveOnesKept() {
        LoginThrottle before = throttle();
        before.failed("lotte", null);
        clock.advance(LOCK.plusMinutes(1));
        for (int i = 0; i < 3; i++) {
            before.failed("fenna", null);
        }

        LoginThrottle afterRestart = throttle();

        assertThat(DATABASE.rowsIn("login_failure")).isOne();
        assertThat(afterRestart.locked("fenna", null)).isTrue();
        clock.advance(LOCK.plusMinutes(1));
        throttle();
        assertThat(DATABASE.rowsIn("login_failure")).isZero();
    }

    private LoginThrottle throttle() {
        return new LoginThrottle(clock, 3, 5, LOCK, new StoreLedger(DATABASE.transactions()),
                value -> pseudonymizer.pseudonymOf(LoginThrottle.PSEUDONYM_PURPOSE, value));
    }
}
