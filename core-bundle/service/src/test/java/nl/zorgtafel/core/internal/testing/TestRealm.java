package nl.zorgtafel.core.internal.testing;

import java.util.List;
import javax.security.auth.login.Configuration;

/**
 * A JAAS realm {@code zorgtafel} for tests, outside Karaf: one person, {@value #NAME} with
 * {@value #PASSWORD} and the role {@code partner-ggz}; everyone else is refused. {@link #install()}
 * puts it in place and returns what to restore.
 */
public final class TestRealm extends RealmModule {

    public static final String NAME = "fenna";
    public static final String PASSWORD = "right-password-1";

    /** Installs the realm as the JVM's JAAS configuration; returns the one it replaced. */
    public static Configuration install() {
        return install(TestRealm.class);
    }

    @Override
    List<String> rolesOf(String name, String password) {
        return NAME.equals(name) && PASSWORD.equals(password) ? List.of("partner-ggz") : List.of();
    }
}
