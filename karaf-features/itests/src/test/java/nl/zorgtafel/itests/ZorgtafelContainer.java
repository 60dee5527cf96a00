package nl.zorgtafel.itests;

import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOptions;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/**
 * How every test class boots the Zorgtafel distribution (the tar.gz that
 * karaf-features/distribution builds): offline, as in production, on a free HTTP port, with
 * the test libraries. What a class adds (partner tokens, people, partner settings) is written
 * into {@code etc/} before the first start, as an operator would.
 *
 * <p>Runs in the Maven JVM ({@code @Configuration}); the HTTP port reaches the test methods,
 * which run inside the container, as the system property {@link #PORT_PROPERTY}.
 */
final class ZorgtafelContainer {

    static final String PORT_PROPERTY = "zorgtafel.itest.httpPort";

    private ZorgtafelContainer() {
    }

    /** The distribution with the options every class needs. */
    static Option distribution() {
        File distribution = new File(requiredProperty("zorgtafel.distribution"));
        if (!distribution.isFile()) {
            throw new IllegalStateException("No distribution at " + distribution
                    + "; build karaf-features/distribution first");
        }
        String localRepository = requiredProperty("zorgtafel.localRepository");
        String examRepository = new File(requiredProperty("zorgtafel.examRepository")).toURI().toString();
        String httpPort = Integer.toString(freePort());
        String karafVersion = requiredProperty("zorgtafel.karafVersion");
        return composite(
                karafDistributionConfiguration()
                        .frameworkUrl(distribution.toURI().toString())
                        .unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                // what bin/karaf passes on Java 9+ and Pax Exam does not (paths relative to the Karaf folder)
                vmOptions(
                        "--add-reads=java.xml=java.logging",
                        "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                        "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karafVersion + ".jar",
                        "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karafVersion + ".jar",
                        "--add-opens", "java.base/java.security=ALL-UNNAMED",
                        "--add-opens", "java.base/java.net=ALL-UNNAMED",
                        "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                        "--add-opens", "java.base/java.util=ALL-UNNAMED",
                        "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                        "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                        "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED"),
                logLevel(LogLevel.WARN),
                // the container's warnings and errors also on its stdout, which Pax Exam passes to the
                // test output: the runtime folder (data/log) is deleted after the run
                systemProperty("karaf.log.console").value("WARN"),
                // on a busy 2-core machine Pax Exam's JUnit invoker, and the Injector service it looks up
                // for the probe, can come later than their default 10 s waits, and the run then hangs
                systemProperty("org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT").value("120000"),
                systemProperty("org.ops4j.pax.exam.invoker.junit.internal.JUnitProbeInvokerFactory.DEFAULT_TIMEOUT")
                        .value("120000"),
                // The distribution resolves offline, from system/ only. Pax Exam's own bundles and the
                // test libraries come from two more read-only repositories; still no network.
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg",
                        "org.ops4j.pax.url.mvn.defaultRepositories",
                        "${karaf.home.uri}${karaf.default.repository}@id=system.repository@snapshots,"
                                + examRepository + "@id=exam.repository"),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg",
                        "org.ops4j.pax.url.mvn.localRepository", localRepository),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", httpPort),
                systemProperty(PORT_PROPERTY).value(httpPort),
                mavenBundle("org.hamcrest", "hamcrest").versionAsInProject(),
                mavenBundle("org.awaitility", "awaitility").versionAsInProject(),
                mavenBundle("net.bytebuddy", "byte-buddy").versionAsInProject(),
                mavenBundle("org.assertj", "assertj-core").versionAsInProject());
    }

    /** A partner system's credential: the SHA-256 of its bearer token in its {@code .cfg}. */
    static Option partnerToken(String partnerId, String token) {
        return partnerSetting(partnerId, "tokenSha256", sha256Hex(token));
    }

    /** One key of {@code etc/nl.zorgtafel.partner-<id>.cfg}. */
    static Option partnerSetting(String partnerId, String key, String value) {
        return editConfigurationFilePut("etc/nl.zorgtafel.partner-" + partnerId + ".cfg", key, value);
    }

    /** A person in {@code etc/zorgtafel-users.properties}. */
    static Option person(ZorgtafelApi.Person person, String roles) {
        return editConfigurationFilePut("etc/zorgtafel-users.properties", person.name(), person.password() + "," + roles);
    }

    static String sha256Hex(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " not set (run through Maven Failsafe)");
        }
        return value;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
