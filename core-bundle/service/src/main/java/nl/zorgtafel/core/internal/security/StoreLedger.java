package nl.zorgtafel.core.internal.security;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import nl.zorgtafel.core.internal.store.LoginStore.LoginFailures;
import nl.zorgtafel.core.internal.store.Transactions;

/** The store as the login throttle's ledger ({@code login_failure}): each change in a transaction of its own. */
public final class StoreLedger implements LoginThrottle.Ledger {

    private final Transactions transactions;

    public StoreLedger(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Map<String, LoginThrottle.Count> recall(Instant since, Instant now) {
        return transactions.run(store -> store.logins().loginFailuresThatMatter(since, now)).stream()
                .collect(Collectors.toMap(LoginFailures::subject,
                        kept -> new LoginThrottle.Count(kept.failures(), kept.lockedUntil(), kept.lastFailure())));
    }

    @Override
    public void keep(String subject, LoginThrottle.Count count) {
        transactions.run(store -> {
            store.logins().keepLoginFailures(new LoginFailures(subject, count.failures(), count.lockedUntil(),
                    count.lastFailure()));
            return null;
        });
    }

    @Override
    public void forget(String subject) {
        transactions.run(store -> {
            store.logins().forgetLoginFailures(subject);
            return null;
        });
    }

    @Override
    public void forgetStale(Instant since, Instant now) {
        transactions.run(store -> store.logins().removeStaleLoginFailures(since, now));
    }
}
