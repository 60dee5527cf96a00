package nl.zorgtafel.core.internal.security;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.EncryptionService;
import org.apache.karaf.jaas.modules.properties.AutoEncryptionSupport;
import org.apache.karaf.jaas.modules.properties.PropertiesLoginModule;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The JAAS realm {@code zorgtafel}: the people of the table, in
 * {@code etc/zorgtafel-users.properties} ({@code name = password,role,...}, the Karaf
 * users format). Passwords written there in plain text are replaced by their salted
 * PBKDF2 hash ({@link Pbkdf2Encryption}) as soon as the realm starts, and again whenever the
 * file changes; a hash with older parameters is written again at its person's next login
 * ({@link PasswordUpgrade}).
 */
@Component(service = JaasRealm.class, immediate = true)
public final class ZorgtafelRealm implements JaasRealm {

    public static final String NAME = "zorgtafel";
    static final String USERS_FILE = "zorgtafel-users.properties";

    private final AppConfigurationEntry[] entries;
    private final AutoEncryptionSupport passwordHashing;

    /**
     * @param passwordHashes the PBKDF2 hashing, referenced so that it is there before the
     *     realm hashes the first plain-text password
     */
    @Activate
    public ZorgtafelRealm(BundleContext context,
                          @Reference(target = "(name=" + Pbkdf2EncryptionService.NAME + ")")
                          EncryptionService passwordHashes) {
        Path usersFile = usersFile(context);
        try {
            // before the realm answers a login: Karaf's hashing below follows later edits
            new UsersFileHasher(new Pbkdf2Encryption()).hash(usersFile);
        } catch (java.io.IOException e) {
            org.slf4j.LoggerFactory.getLogger(ZorgtafelRealm.class).warn(
                    "The people's passwords could not be hashed at start ({}); Karaf's watcher tries again",
                    e.getClass().getSimpleName());
        }
        Map<String, Object> options = options(context, usersFile);
        this.entries = new AppConfigurationEntry[] {
            new AppConfigurationEntry(ProxyLoginModule.class.getName(),
                    AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options)
        };
        this.passwordHashing = new AutoEncryptionSupport(options);
    }

    static Path usersFile(BundleContext context) {
        String etc = context.getProperty("karaf.etc");
        return Path.of(etc == null ? "etc" : etc, USERS_FILE);
    }

    private static Map<String, Object> options(BundleContext context, Path usersFile) {
        Map<String, Object> options = new HashMap<>();
        options.put(ProxyLoginModule.PROPERTY_MODULE, PropertiesLoginModule.class.getName());
        options.put(ProxyLoginModule.PROPERTY_BUNDLE, Long.toString(context.getBundle().getBundleId()));
        options.put(BundleContext.class.getName(), context);
        options.put("users", usersFile.toString());
        options.put("detailed.login.exception", "false");
        options.put("encryption.enabled", "true");
        options.put("encryption.name", Pbkdf2EncryptionService.NAME);
        options.put("encryption.prefix", "{CRYPT}");
        options.put("encryption.suffix", "{CRYPT}");
        return options;
    }

    @Deactivate
    void stop() {
        passwordHashing.close();
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public int getRank() {
        return 0;
    }

    @Override
    public AppConfigurationEntry[] getEntries() {
        return entries.clone();
    }
}
