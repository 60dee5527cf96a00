package nl.zorgtafel.core.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import nl.zorgtafel.core.internal.partners.PartnerDirectory;
import nl.zorgtafel.core.internal.partners.PartnerSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bearer tokens only: HTTP Basic logs in through JAAS, which needs the OSGi realm. */
class AuthenticatorTest {

    private static final String GGZ_TOKEN = "ggz-system-token-for-tests";

    private final PartnerDirectory partners = new PartnerDirectory();
    private final Authenticator authenticator = new Authenticator(partners);

    @BeforeEach
    void configureGgz() throws NoSuchAlgorithmException {
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(GGZ_TOKEN.getBytes(StandardCharsets.UTF_8)));
        partners.configured(new PartnerSettings("ggz", hash, "", "", true));
    }

    @Test
    void aPartnersBearerTokenAuthenticatesItsSystem() {
        assertThat(authenticator.authenticate("Bearer " + GGZ_TOKEN)).contains(Caller.partnerSystem("ggz"));
    }

    @Test
    void theSchemeIsCaseInsensitiveAndSurroundingSpaceIsIgnored() {
        assertThat(authenticator.authenticate("  bearer   " + GGZ_TOKEN + "  ")).contains(Caller.partnerSystem("ggz"));
    }

    @Test
    void anUnknownBearerTokenIsNobody() {
        assertThat(authenticator.authenticate("Bearer not-" + GGZ_TOKEN)).isEmpty();
    }

    @Test
    void aBearerWithoutTokenIsNobody() {
        assertThat(authenticator.authenticate("Bearer ")).isEmpty();
        assertThat(authenticator.authenticate("Bearer")).isEmpty();
    }

    @Test
    void noHeaderIsNobody() {
        assertThat(authenticator.authenticate(null)).isEmpty();
        assertThat(authenticator.authenticate("")).isEmpty();
    }

    @Test
    void anUnknownSchemeIsNobody() {
        assertThat(authenticator.authenticate("Digest username=\"fenna\"")).isEmpty();
        assertThat(authenticator.authenticate(GGZ_TOKEN)).isEmpty();
    }

    @Test
    void malformedBasicCredentialsAreNobodyWithoutALoginAttempt() {
        assertThat(authenticator.authenticate("Basic !!not-base64!!")).isEmpty();
        assertThat(authenticator.authenticate("Basic " + base64("no-colon-here"))).isEmpty();
        assertThat(authenticator.authenticate("Basic " + base64(":password-without-name"))).isEmpty();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
