package nl.zorgtafel.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.servlet.ReadListener;
import javax.servlet.ServletInputStream;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import nl.zorgtafel.core.internal.partners.PartnerDirectory;
import nl.zorgtafel.core.internal.security.Authenticator;
import nl.zorgtafel.core.internal.security.Caller;
import nl.zorgtafel.core.internal.security.Sessions;
import org.apache.karaf.jaas.modules.properties.PropertiesLoginModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web UI's login against a real Karaf properties login module (the realm's own module,
 * without OSGi), and the cookie and CSRF rules that every other request then follows.
 */
class SessionEndpointTest {

    private static final ObjectMapper JSON = Json.mapper();

    private final Sessions sessions = new Sessions(Clock.systemUTC(), Duration.ofMinutes(30), Duration.ofHours(12),
            100);
    private final SessionEndpoint endpoint = new SessionEndpoint(new Authenticator(new PartnerDirectory()), sessions,
            JSON);
    private Configuration previousJaas;

    @BeforeEach
    void realmWithOnePerson(@TempDir Path etc) throws IOException {
        Path users = etc.resolve("zorgtafel-users.properties");
        Files.writeString(users, "fenna = Fenna-Pw-2026,partner-ggz\n");
        Map<String, Object> options = new HashMap<>();
        options.put("users", users.toString());
        AppConfigurationEntry entry = new AppConfigurationEntry(PropertiesLoginModule.class.getName(),
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options);
        previousJaas = Configuration.getConfiguration();
        Configuration.setConfiguration(new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return "zorgtafel".equals(name) ? new AppConfigurationEntry[] {entry} : null;
            }
        });
    }

    @AfterEach
    void restoreJaas() {
        Configuration.setConfiguration(previousJaas);
    }

    @Test
    void theRightPasswordOpensASessionInAnHttpOnlyStrictCookie() throws IOException {
        Exchange login = new Exchange("POST").json("{\"username\":\"fenna\",\"password\":\"Fenna-Pw-2026\"}");

        endpoint.serve(login.request(), login.response());

        assertThat(login.status).isEqualTo(200);
        assertThat(login.setCookie()).startsWith("zorgtafel-session=").contains("HttpOnly", "SameSite=Strict")
                .doesNotContain("Secure");
        JsonNode body = login.body();
        assertThat(body.path("name").asText()).isEqualTo("fenna");
        assertThat(body.path("roles").toString()).isEqualTo("[\"partner-ggz\"]");
        assertThat(body.path("partnerId").asText()).isEqualTo("ggz");
        assertThat(body.path("csrfToken").asText()).isNotEmpty();
        assertThat(sessions.count()).isOne();
    }

    @Test
    void overHttpsTheCookieIsSecure() throws IOException {
        Exchange login = new Exchange("POST").json("{\"username\":\"fenna\",\"password\":\"Fenna-Pw-2026\"}");
        login.secure = true;

        endpoint.serve(login.request(), login.response());

        assertThat(login.setCookie()).contains("; Secure");
    }

    @Test
    void aWrongPasswordOpensNoSessionAndSaysNotWhichPartWasWrong() {
        Exchange login = new Exchange("POST").json("{\"username\":\"fenna\",\"password\":\"guess\"}");

        assertThatThrownBy(() -> endpoint.serve(login.request(), login.response()))
                .isInstanceOfSatisfying(ApiException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(401);
                    assertThat(refused.getMessage()).isEqualTo("The name or the password is not right.");
                });
        assertThat(sessions.count()).isZero();
        assertThat(login.headers).doesNotContainKey("Set-Cookie");
    }

    @Test
    void aLoginWithoutPasswordIsABadRequestNamingTheField() {
        Exchange login = new Exchange("POST").json("{\"username\":\"fenna\"}");

        assertThatThrownBy(() -> endpoint.serve(login.request(), login.response()))
                .isInstanceOfSatisfying(ApiException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(400);
                    assertThat(refused.errors()).extracting(fault -> fault.location()).containsExactly("password");
                });
    }

    @Test
    void theSessionSaysWhoItIs() throws IOException {
        Sessions.Session session = sessions.open(Caller.person("fenna", Set.of("partner-ggz")));
        Exchange who = new Exchange("GET").cookie(session.id());

        endpoint.serve(who.request(), who.response());

        assertThat(who.body().path("name").asText()).isEqualTo("fenna");
        assertThat(who.body().path("csrfToken").asText()).isEqualTo(session.csrfToken());
    }

    @Test
    void withoutASessionItIsUnauthorised() {
        Exchange who = new Exchange("GET");

        assertThatThrownBy(() -> endpoint.serve(who.request(), who.response()))
                .isInstanceOfSatisfying(ApiException.class, refused -> assertThat(refused.status()).isEqualTo(401));
    }

    @Test
    void logoutEndsTheSessionAndExpiresTheCookie() throws IOException {
        Sessions.Session session = sessions.open(Caller.person("fenna", Set.of("partner-ggz")));
        Exchange logout = new Exchange("DELETE").cookie(session.id()).csrf(session.csrfToken());

        endpoint.serve(logout.request(), logout.response());

        assertThat(logout.status).isEqualTo(204);
        assertThat(logout.setCookie()).contains("Max-Age=0");
        assertThat(sessions.find(session.id())).isEmpty();
    }

    @Test
    void logoutWithoutTheCsrfTokenIsRefusedAndTheSessionLives() {
        Sessions.Session session = sessions.open(Caller.person("fenna", Set.of("partner-ggz")));
        Exchange logout = new Exchange("DELETE").cookie(session.id());

        assertThatThrownBy(() -> endpoint.serve(logout.request(), logout.response()))
                .isInstanceOfSatisfying(ApiException.class, refused -> assertThat(refused.status()).isEqualTo(403));
        assertThat(sessions.find(session.id())).isPresent();
    }

    @Test
    void anyRequestFindsItsCallerByTheCookie() {
        Caller fenna = Caller.person("fenna", Set.of("partner-ggz"));
        Sessions.Session session = sessions.open(fenna);

        assertThat(endpoint.caller(new Exchange("GET").cookie(session.id()).request())).contains(fenna);
        assertThat(endpoint.caller(new Exchange("POST").cookie(session.id()).csrf(session.csrfToken()).request()))
                .contains(fenna);
        assertThat(endpoint.caller(new Exchange("GET").cookie("not-a-session").request())).isEmpty();
    }

    @Test
    void aChangeWithTheCookieButWithoutTheCsrfTokenIsForbidden() {
        Sessions.Session session = sessions.open(Caller.person("fenna", Set.of("partner-ggz")));

        assertThatThrownBy(() -> endpoint.caller(new Exchange("POST").cookie(session.id()).request()))
                .isInstanceOfSatisfying(ApiException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(403);
                    assertThat(refused.type()).isEqualTo("csrf-token-missing");
                });
    }

    @Test
    void theWebUiIsNotChallengedForBasicCredentials() {
        assertThat(SessionEndpoint.challenges(new Exchange("GET").request())).isTrue();
        assertThat(SessionEndpoint.challenges(new Exchange("GET").header("X-Requested-With", "zorgtafel-ui")
                .request())).isFalse();
    }

    /** One request and its response, as plain data behind the servlet interfaces. */
    private static final class Exchange {

        private final String method;
        private final Map<String, List<String>> requestHeaders = new HashMap<>();
        private byte[] body = new byte[0];
        private boolean secure;
        private int status;
        private final Map<String, String> headers = new HashMap<>();
        private final ByteArrayOutputStream written = new ByteArrayOutputStream();

        Exchange(String method) {
            this.method = method;
        }

        Exchange header(String name, String value) {
            requestHeaders.computeIfAbsent(name.toLowerCase(), key -> new ArrayList<>()).add(value);
            return this;
        }

        Exchange json(String json) {
            body = json.getBytes(StandardCharsets.UTF_8);
            return header("Content-Type", "application/json");
        }

        Exchange cookie(String sessionId) {
            return header("Cookie", "lang=nl; zorgtafel-session=" + sessionId);
        }

        Exchange csrf(String token) {
            return header("X-CSRF-Token", token);
        }

        String setCookie() {
            return headers.get("Set-Cookie");
        }

        JsonNode body() throws IOException {
            return JSON.readTree(written.toByteArray());
        }

        HttpServletRequest request() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletRequest.class}, (proxy, called, args) -> switch (called.getName()) {
                        case "getMethod" -> method;
                        case "getHeader" -> {
                            List<String> values = requestHeaders.get(((String) args[0]).toLowerCase());
                            yield values == null ? null : values.get(0);
                        }
                        case "getHeaders" -> Collections.enumeration(
                                requestHeaders.getOrDefault(((String) args[0]).toLowerCase(), List.of()));
                        case "getContentType" -> requestHeaders.getOrDefault("content-type", List.of(""))
                                .get(0);
                        case "getContentLengthLong" -> (long) body.length;
                        case "isSecure" -> secure;
                        case "getInputStream" -> new ServletInputStream() {
                            @Override
                            public int read() {
                                return in.read();
                            }

                            @Override
                            public boolean isFinished() {
                                return in.available() == 0;
                            }

                            @Override
                            public boolean isReady() {
                                return true;
                            }

                            @Override
                            public void setReadListener(ReadListener listener) {
                                throw new UnsupportedOperationException();
                            }
                        };
                        default -> throw new UnsupportedOperationException(called.getName());
                    });
        }

        HttpServletResponse response() {
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (proxy, called, args) -> switch (called.getName()) {
                        case "setStatus" -> {
                            status = (int) args[0];
                            yield null;
                        }
                        case "addHeader", "setHeader" -> {
                            headers.put((String) args[0], (String) args[1]);
                            yield null;
                        }
                        case "setContentType", "setCharacterEncoding" -> null;
                        case "getOutputStream" -> new ServletOutputStream() {
                            @Override
                            public void write(int b) {
                                written.write(b);
                            }

                            @Override
                            public boolean isReady() {
                                return true;
                            }

                            @Override
                            public void setWriteListener(WriteListener listener) {
                                throw new UnsupportedOperationException();
                            }
                        };
                        default -> throw new UnsupportedOperationException(called.getName());
                    });
        }
    }
}
