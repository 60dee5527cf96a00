package nl.zorgtafel.core.internal.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import nl.zorgtafel.core.internal.partners.PartnerDirectory;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;

/**
 * Who sent a request: a partner system by its bearer token (checked against the hash in
 * its {@code .cfg}), or a person by HTTP Basic against the {@code zorgtafel} JAAS realm.
 * Anything else is nobody.
 */
public final class Authenticator {

    private final PartnerDirectory partners;

    public Authenticator(PartnerDirectory partners) {
        this.partners = partners;
    }

    /** The caller the {@code Authorization} header names, if its credentials hold. */
    public Optional<Caller> authenticate(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String value = authorization.strip();
        if (startsWithIgnoreCase(value, "Bearer ")) {
            String token = value.substring("Bearer ".length()).strip();
            return token.isEmpty() ? Optional.empty()
                    : partners.ownerOfToken(token).map(partner -> Caller.partnerSystem(partner.partnerId()));
        }
        if (startsWithIgnoreCase(value, "Basic ")) {
            return basic(value.substring("Basic ".length()).strip());
        }
        return Optional.empty();
    }

    /**
     * The person these credentials name, if the {@code zorgtafel} realm accepts them: the
     * web UI's login. The password is wiped when this returns.
     */
    public Optional<Caller> person(String name, char[] password) {
        if (name == null || name.isEmpty() || password == null) {
            return Optional.empty();
        }
        return login(name, password);
    }

    private static Optional<Caller> basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String name = decoded.substring(0, colon);
        char[] password = decoded.substring(colon + 1).toCharArray();
        return login(name, password);
    }

    private static Optional<Caller> login(String name, char[] password) {
        Subject subject = new Subject();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // JAAS finds its login module through the context class loader
        thread.setContextClassLoader(Authenticator.class.getClassLoader());
        try {
            LoginContext login = new LoginContext(ZorgtafelRealm.NAME, subject, callbacks -> {
                for (var callback : callbacks) {
                    if (callback instanceof NameCallback nameCallback) {
                        nameCallback.setName(name);
                    } else if (callback instanceof PasswordCallback passwordCallback) {
                        passwordCallback.setPassword(password);
                    } else {
                        throw new UnsupportedCallbackException(callback);
                    }
                }
            });
            login.login();
            Set<String> roles = subject.getPrincipals(RolePrincipal.class).stream()
                    .map(RolePrincipal::getName)
                    .collect(Collectors.toSet());
            return Optional.of(Caller.person(name, roles));
        } catch (LoginException wrongCredentials) {
            return Optional.empty();
        } finally {
            thread.setContextClassLoader(previous);
            java.util.Arrays.fill(password, '\0');
        }
    }

    private static boolean startsWithIgnoreCase(String value, String prefix) {
        return value.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
