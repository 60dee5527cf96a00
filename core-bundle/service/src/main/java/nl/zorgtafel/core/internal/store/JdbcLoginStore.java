package nl.zorgtafel.core.internal.store;

import static nl.zorgtafel.core.internal.store.Jdbc.instant;
import static nl.zorgtafel.core.internal.store.Jdbc.timestamp;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The counts of failed logins in portable SQL, over the transaction's connection. */
final class JdbcLoginStore implements LoginStore {

    /** Two-valued (no NULL comparison), so that NOT of it is the stale rows. */
    private static final String STILL_MATTERS = "((locked_until IS NOT NULL AND locked_until > ?)"
            + " OR last_failure >= ?)";

    private final Jdbc jdbc;

    JdbcLoginStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void keepLoginFailures(LoginFailures f) {
        int updated = jdbc.update("UPDATE login_failure SET failures = ?, locked_until = ?, last_failure = ?"
                + " WHERE subject = ?", f.failures(), timestamp(f.lockedUntil()), Timestamp.from(f.lastFailure()),
                f.subject());
        if (updated == 0) {
            jdbc.update("INSERT INTO login_failure (subject, failures, locked_until, last_failure) VALUES (?, ?, ?, ?)",
                    f.subject(), f.failures(), timestamp(f.lockedUntil()), Timestamp.from(f.lastFailure()));
        }
    }

    @Override
    public void forgetLoginFailures(String subject) {
        jdbc.update("DELETE FROM login_failure WHERE subject = ?", subject);
    }

    @Override
    public List<LoginFailures> loginFailuresThatMatter(Instant since, Instant now) {
        return jdbc.query("SELECT subject, failures, locked_until, last_failure FROM login_failure WHERE "
                        + STILL_MATTERS, row -> new LoginFailures(row.getString(1), row.getInt(2), instant(row, 3),
                        row.getTimestamp(4).toInstant()), Timestamp.from(now), Timestamp.from(since));
    }

    @Override
    public int removeStaleLoginFailures(Instant since, Instant now) {
        return jdbc.update("DELETE FROM login_failure WHERE NOT " + STILL_MATTERS, Timestamp.from(now),
                Timestamp.from(since));
    }
}
