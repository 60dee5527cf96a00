package nl.zorgtafel.core.internal.store;

import java.time.Instant;
import java.util.List;

/**
 * The counts of failed logins that outlive a restart, each under its subject: the keyed
 * pseudonym of a user name or a source address, never the name or address itself.
 */
public interface LoginStore {

    /**
     * A subject's count of failed logins.
     *
     * @param lockedUntil the end of its lock-out, or {@code null} while it is not locked
     */
    record LoginFailures(String subject, int failures, Instant lockedUntil, Instant lastFailure) {
    }

    /** Keeps a subject's count, in place of what was kept for it. */
    void keepLoginFailures(LoginFailures failures);

    void forgetLoginFailures(String subject);

    /**
     * The counts that still matter: locked beyond {@code now}, or failed at or after
     * {@code since}.
     */
    List<LoginFailures> loginFailuresThatMatter(Instant since, Instant now);

    /** Removes every count that no longer matters (see above); returns how many. */
    int removeStaleLoginFailures(Instant since, Instant now);
}
