package nl.zorgtafel.core.internal.testing;

import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;

/**
 * A JAAS realm {@code zorgtafel} for tests, outside Karaf: one person, {@value #NAME} with
 * {@value #PASSWORD} and the role {@code partner-ggz}; everyone else is refused. {@link #install()}
 * puts it in place and returns what to restore.
 */
public final class TestRealm implements LoginModule {

    public static final String NAME = "fenna";
    public static final String PASSWORD = "right-password-1";

    private Subject subject;
    private CallbackHandler handler;
    private boolean accepted;

    /** Installs the realm as the JVM's JAAS configuration; returns the one it replaced. */
    public static Configuration install() {
        Configuration previous = Configuration.getConfiguration();
        Configuration.setConfiguration(new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return "zorgtafel".equals(name) ? new AppConfigurationEntry[] {new AppConfigurationEntry(
                        TestRealm.class.getName(), AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, Map.of())}
                        : null;
            }
        });
        return previous;
    }

    @Override
    public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> sharedState,
                           Map<String, ?> options) {
        this.subject = subject;
        this.handler = handler;
    }

    @Override
    public boolean login() throws LoginException {
        NameCallback name = new NameCallback("name");
        PasswordCallback password = new PasswordCallback("password", false);
        try {
            handler.handle(new Callback[] {name, password});
        } catch (Exception e) {
            throw new LoginException("no credentials");
        }
        accepted = NAME.equals(name.getName()) && PASSWORD.equals(new String(password.getPassword()));
        if (!accepted) {
            throw new FailedLoginException("refused");
        }
        return true;
    }

    @Override
    public boolean commit() {
        if (accepted) {
            subject.getPrincipals().add(new RolePrincipal("partner-ggz"));
        }
        return accepted;
    }

    @Override
    public boolean abort() {
        return true;
    }

    @Override
    public boolean logout() {
        return true;
    }
}
