package nl.zorgtafel.core.internal.testing;

import java.util.List;
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
 * What the tests' JAAS realms {@code zorgtafel} share: asking for the name and password,
 * granting the roles a subclass finds for them, and installing a realm as the JVM's JAAS
 * configuration outside Karaf.
 */
abstract class RealmModule implements LoginModule {

    private Subject subject;
    private CallbackHandler handler;
    private List<String> roles;

    /** Installs {@code module} as the realm {@code zorgtafel}; returns the configuration it replaced. */
    static Configuration install(Class<? extends RealmModule> module) {
        Configuration previous = Configuration.getConfiguration();
        Configuration.setConfiguration(new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return "zorgtafel".equals(name) ? new AppConfigurationEntry[] {new AppConfigurationEntry(
                        module.getName(), AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, Map.of())}
                        : null;
            }
        });
        return previous;
    }

    /** The roles of the person these credentials are right for; empty when they are not. */
    abstract List<String> rolesOf(String name, String password) throws LoginException;

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
        roles = rolesOf(name.getName(), new String(password.getPassword()));
        if (roles.isEmpty()) {
            throw new FailedLoginException("refused");
        }
        return true;
    }

    @Override
    public boolean commit() {
        if (roles == null || roles.isEmpty()) {
            return false;
        }
        roles.forEach(role -> subject.getPrincipals().add(new RolePrincipal(role)));
        return true;
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
