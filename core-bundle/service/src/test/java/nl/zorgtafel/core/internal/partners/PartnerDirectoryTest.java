package nl.zorgtafel.core.internal.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class PartnerDirectoryTest {

    /** SHA-256 of "abc", the FIPS 180-2 test vector: the directory must compute the same. */
    private static final String SHA256_OF_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    private final PartnerDirectory directory = new PartnerDirectory();

    @Test
    void aTokenBelongsToThePartnerConfiguredWithItsSha256() {
        directory.configured(partner("ggz", SHA256_OF_ABC, true));
        directory.configured(partner("mee", PartnerDirectory.sha256("another token"), true));

        assertThat(directory.ownerOfToken("abc")).map(PartnerSettings::partnerId).contains("ggz");
        assertThat(directory.ownerOfToken("another token")).map(PartnerSettings::partnerId).contains("mee");
    }

    @Test
    void theHashMayBeConfiguredInUpperCase() {
        directory.configured(partner("ggz", SHA256_OF_ABC.toUpperCase(Locale.ROOT), true));

        assertThat(directory.ownerOfToken("abc")).isPresent();
    }

    @Test
    void anUnknownTokenBelongsToNobody() {
        directory.configured(partner("ggz", SHA256_OF_ABC, true));

        assertThat(directory.ownerOfToken("abd")).isEmpty();
        assertThat(directory.ownerOfToken(SHA256_OF_ABC)).isEmpty();
    }

    @Test
    void aDisabledPartnerCannotAuthenticate() {
        directory.configured(partner("ggz", SHA256_OF_ABC, false));

        assertThat(directory.ownerOfToken("abc")).isEmpty();
    }

    @Test
    void aPartnerWithoutTokenCannotAuthenticateEvenWithAnEmptyToken() {
        directory.configured(partner("ggz", "", true));
        directory.configured(partner("mee", null, true));

        assertThat(directory.ownerOfToken("")).isEmpty();
    }

    @Test
    void anEditedConfigurationReplacesTheOldToken() {
        directory.configured(partner("ggz", SHA256_OF_ABC, true));

        directory.configured(partner("ggz", PartnerDirectory.sha256("rotated"), true));

        assertThat(directory.ownerOfToken("abc")).isEmpty();
        assertThat(directory.ownerOfToken("rotated")).isPresent();
    }

    @Test
    void removingAnOutdatedConfigurationKeepsItsReplacement() {
        PartnerSettings old = partner("ggz", SHA256_OF_ABC, true);
        directory.configured(old);
        directory.configured(partner("ggz", PartnerDirectory.sha256("rotated"), true));

        directory.removed(old);

        assertThat(directory.partner("ggz")).isPresent();
    }

    @Test
    void aRemovedPartnerIsGone() {
        PartnerSettings ggz = partner("ggz", SHA256_OF_ABC, true);
        directory.configured(ggz);

        directory.removed(ggz);

        assertThat(directory.all()).isEmpty();
        assertThat(directory.ownerOfToken("abc")).isEmpty();
    }

    @Test
    void theTokenHashNeverShowsInTheSettingsStringForm() {
        assertThat(partner("ggz", SHA256_OF_ABC, true).toString()).doesNotContain(SHA256_OF_ABC);
    }

    private static PartnerSettings partner(String partnerId, String tokenSha256, boolean enabled) {
        return new PartnerSettings(partnerId, tokenSha256, "", "", enabled);
    }
}
