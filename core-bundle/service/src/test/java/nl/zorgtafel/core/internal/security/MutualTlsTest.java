package nl.zorgtafel.core.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import nl.zorgtafel.core.internal.partners.PartnerDirectory;
import nl.zorgtafel.core.internal.partners.PartnerSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mutual TLS with certificates made at test time by the JDK's keytool (offline): a partners'
 * CA, a server certificate, GGZ's client certificate, and a look-alike certificate with the
 * same subject from a CA nobody trusts. A TLS server that needs a client certificate, as
 * Jetty's connector in the distribution does, hands the verified chain to the
 * {@link Authenticator}, which maps its subject to the partner configured for it.
 */
class MutualTlsTest {

    private static final String PASSWORD = "test-only-" + UUID.randomUUID();
    private static final String GGZ_SUBJECT = "CN=ggz-system,O=GGZ Rotterdam,C=NL";
    private static Path folder;
    private static HttpsServer server;
    private static ExecutorService serverThreads;
    private static final PartnerDirectory PARTNERS = new PartnerDirectory();

    @BeforeAll
    static void certificatesAndServer() throws Exception {
        folder = Path.of(System.getProperty("basedir", "."), "target", "mtls-" + UUID.randomUUID());
        Files.createDirectories(folder);
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=Zorgtafel partners CA,C=NL", "-ext", "bc:c", "-validity", "2", "-keystore", "ca.p12");
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-file", "ca.pem");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", "trust.p12");
        issued("server", "CN=localhost", "san=ip:127.0.0.1,dns:localhost");
        issued("ggz", GGZ_SUBJECT, null);
        // the same subject, self-made: must not get in
        keytool("-genkeypair", "-alias", "fake", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", GGZ_SUBJECT,
                "-validity", "2", "-keystore", "fake.p12");

        PARTNERS.configured(new PartnerSettings("ggz", "", "", "", true), GGZ_SUBJECT);
        PARTNERS.configured(new PartnerSettings("mee", "", "", "", true), "CN=mee-system,O=MEE,C=NL");
        Authenticator authenticator = new Authenticator(PARTNERS);

        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        SSLContext context = context("server.p12", "trust.p12");
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters parameters) {
                SSLParameters ssl = context.getDefaultSSLParameters();
                ssl.setNeedClientAuth(true);
                ssl.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
                parameters.setSSLParameters(ssl);
            }
        });
        server.createContext("/whoami", exchange -> {
            Certificate[] peer = ((HttpsExchange) exchange).getSSLSession().getPeerCertificates();
            X509Certificate[] chain = Arrays.stream(peer).map(X509Certificate.class::cast)
                    .toArray(X509Certificate[]::new);
            String answer = authenticator.authenticate(null, chain, "127.0.0.1").map(Caller::partnerId)
                    .orElse("nobody");
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.equals("nobody") ? 401 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        serverThreads = Executors.newFixedThreadPool(2);
        server.setExecutor(serverThreads);
        server.start();
    }

    @AfterAll
    static void stop() throws IOException, InterruptedException {
        server.stop(0);
        serverThreads.shutdown();
        serverThreads.awaitTermination(10, TimeUnit.SECONDS);
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Test
    void aClientCertificateFromThePartnersCaIsThePartnerItsSubjectNames() throws Exception {
        HttpResponse<String> answer = call(context("ggz.p12", "trust.p12"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("ggz");
    }

    @Test
    void noCertificateOrOneFromAnotherCaDoesNotGetThroughTheHandshake() throws Exception {
        assertThatThrownBy(() -> call(context(null, "trust.p12"))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> call(context("fake.p12", "trust.p12"))).isInstanceOf(IOException.class);
    }

    @Test
    void aDisabledPartnersCertificateIsNobody() throws Exception {
        PARTNERS.configured(new PartnerSettings("ggz", "", "", "", false), GGZ_SUBJECT);
        try {
            assertThat(call(context("ggz.p12", "trust.p12")).statusCode()).isEqualTo(401);
        } finally {
            PARTNERS.configured(new PartnerSettings("ggz", "", "", "", true), GGZ_SUBJECT);
        }
    }

    private static HttpResponse<String> call(SSLContext context) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(10))
                .build();
        return client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + server.getAddress().getPort()
                + "/whoami")).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A key pair whose certificate the CA signs, in {@code <alias>.p12} with its chain. */
    private static void issued(String alias, String subject, String subjectAlternativeNames) throws Exception {
        keytool("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", subject,
                "-validity", "2", "-keystore", alias + ".p12");
        keytool("-certreq", "-alias", alias, "-keystore", alias + ".p12", "-file", alias + ".csr");
        List<String> sign = new ArrayList<>(List.of("-gencert", "-alias", "ca", "-keystore", "ca.p12", "-infile",
                alias + ".csr", "-outfile", alias + ".pem", "-rfc", "-validity", "2"));
        if (subjectAlternativeNames != null) {
            sign.addAll(List.of("-ext", subjectAlternativeNames));
        }
        keytool(sign.toArray(String[]::new));
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", alias + ".p12");
        keytool("-importcert", "-alias", alias, "-file", alias + ".pem", "-keystore", alias + ".p12");
    }

    private static void keytool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        if (Arrays.asList(arguments).contains("-genkeypair")) {
            command.addAll(List.of("-keypass", PASSWORD));
        }
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
        }
    }

    private static SSLContext context(String keyStore, String trustStore) throws Exception {
        KeyManagerFactory keys = null;
        if (keyStore != null) {
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(keyStore), PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(trustStore));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    private static KeyStore load(String name) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(folder.resolve(name))) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }
}
