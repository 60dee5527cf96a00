package nl.zorgtafel.core.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
import nl.zorgtafel.core.internal.partners.PartnerSettings;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;

/**
 * Who sent a request: a partner system by its client certificate (mutual TLS, the subject
 * configured for it) or its bearer token (checked against the hash in its {@code .cfg}), or
 * a person by HTTP Basic against the {@code zorgtafel} JAAS realm. Anything else is nobody.
 *
 * <p>People's logins go through a {@link LoginThrottle}: a locked name or source is refused
 * as a wrong password would be, without the realm being asked. A Basic login that succeeded
 * is remembered for {@value #REMEMBERED_SECONDS} s (by a keyed hash of the header, never the
 * password), so that the realm's deliberately slow hashing is paid once, not per request. A
 * login the realm accepted brings the person's stored hash to the current parameters
 * ({@link PasswordUpgrade}); the password stays the same, so a remembered login stays valid.
 */
public final class Authenticator {

    static final long REMEMBERED_SECONDS = 60;
    private static final int MAX_REMEMBERED = 10_000;

    private final PartnerDirectory partners;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final PasswordUpgrade upgrade;
    private final byte[] rememberKey = new byte[32];
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    private record Remembered(Caller caller, Instant until) {
    }

    public Authenticator(PartnerDirectory partners) {
        this(partners, new LoginThrottle(Clock.systemUTC(), 5, 20, Duration.ofMinutes(15)), Clock.systemUTC());
    }

    public Authenticator(PartnerDirectory partners, LoginThrottle throttle, Clock clock) {
        this(partners, throttle, clock, PasswordUpgrade.NONE);
    }

    /** @param upgrade what brings an accepted password's stored hash to the current parameters */
    public Authenticator(PartnerDirectory partners, LoginThrottle throttle, Clock clock, PasswordUpgrade upgrade) {
        this.partners = partners;
        this.throttle = throttle;
        this.clock = clock;
        this.upgrade = upgrade;
        new SecureRandom().nextBytes(rememberKey);
    }

    public LoginThrottle throttle() {
        return throttle;
    }

    /** The caller the {@code Authorization} header names, if its credentials hold. */
    public Optional<Caller> authenticate(String authorization) {
        return authenticate(authorization, null, null);
    }

    /**
     * The caller of a request: the partner whose client certificate it presented, else the
     * one its {@code Authorization} header names, if the credentials hold.
     *
     * @param certificates the client's certificate chain as the TLS handshake verified it, or {@code null}
     * @param source the client's address, for the lock-out per source
     */
    public Optional<Caller> authenticate(String authorization, X509Certificate[] certificates, String source) {
        if (certificates != null && certificates.length > 0) {
            Optional<PartnerSettings> partner = partners.ownerOfCertificate(certificates[0]);
            if (partner.isPresent()) {
                return partner.map(p -> Caller.partnerSystem(p.partnerId()));
            }
        }
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
            return basic(value.substring("Basic ".length()).strip(), source);
        }
        return Optional.empty();
    }

    /**
     * The person these credentials name, if the {@code zorgtafel} realm accepts them: the
     * web UI's login. The password is wiped when this returns.
     */
    public Optional<Caller> person(String name, char[] password) {
        return person(name, password, null);
    }

    /** As {@link #person(String, char[])}, counting failures against the source too. */
    public Optional<Caller> person(String name, char[] password, String source) {
        if (name == null || name.isEmpty() || password == null) {
            return Optional.empty();
        }
        return throttled(name, password, source);
    }

    /** The user name a Basic header claims, for the audit of a refused login; never the password. */
    public static Optional<String> claimedName(String authorization) {
        if (authorization == null || !startsWithIgnoreCase(authorization.strip(), "Basic ")) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.strip().substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? Optional.empty() : Optional.of(decoded.substring(0, colon));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private Optional<Caller> throttled(String name, char[] password, String source) {
        if (throttle.locked(name, source)) {
            java.util.Arrays.fill(password, '\0');
            return Optional.empty();
        }
        Verdict verdict = login(name, password);
        if (verdict.person() != null) {
            throttle.succeeded(name);
        } else if (verdict.refused()) {
            throttle.failed(name, source);
        }
        // a realm not there yet (the moment after a start) refuses too, but counts against nobody
        return Optional.ofNullable(verdict.person());
    }

    /** What the realm said: the person, or refused; neither when there was no realm to ask. */
    private record Verdict(Caller person, boolean refused) {
    }

    private Optional<Caller> basic(String encoded, String source) {
        String key = rememberKey(encoded);
        Instant now = clock.instant();
        Remembered known = remembered.get(key);
        if (known != null && now.isBefore(known.until())) {
            // a lock-out holds for a remembered login too
            return throttle.locked(known.caller().name(), source) ? Optional.empty() : Optional.of(known.caller());
        }
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
        Optional<Caller> person = throttled(name, password, source);
        person.ifPresent(caller -> {
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
            }
            remembered.put(key, new Remembered(caller, now.plusSeconds(REMEMBERED_SECONDS)));
        });
        return person;
    }

    private String rememberKey(String encoded) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(rememberKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(encoded.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    private Verdict login(String name, char[] password) {
        Subject subject = new Subject();
        javax.security.auth.callback.CallbackHandler credentials = callbacks -> {
            for (var callback : callbacks) {
                if (callback instanceof NameCallback nameCallback) {
                    nameCallback.setName(name);
                } else if (callback instanceof PasswordCallback passwordCallback) {
                    passwordCallback.setPassword(password);
                } else {
                    throw new UnsupportedCallbackException(callback);
                }
            }
        };
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // JAAS finds its login module through the context class loader
        thread.setContextClassLoader(Authenticator.class.getClassLoader());
        try {
            LoginContext login;
            try {
                login = new LoginContext(ZorgtafelRealm.NAME, subject, credentials);
            } catch (LoginException noRealm) {
                return new Verdict(null, false);
            }
            login.login();
            Set<String> roles = subject.getPrincipals(RolePrincipal.class).stream()
                    .map(RolePrincipal::getName)
                    .collect(Collectors.toSet());
            // the one moment the password is at hand: before it is wiped below
            upgrade.accepted(name, password);
            return new Verdict(Caller.person(name, roles), false);
        } catch (LoginException wrongCredentials) {
            return new Verdict(null, true);
        } finally {
            thread.setContextClassLoader(previous);
            java.util.Arrays.fill(password, '\0');
        }
    }

    static boolean startsWithIgnoreCase(String value, String prefix) {
        return value.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
