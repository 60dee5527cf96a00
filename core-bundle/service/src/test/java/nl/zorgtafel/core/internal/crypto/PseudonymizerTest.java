package nl.zorgtafel.core.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import nl.zorgtafel.api.model.Bsn;
import nl.zorgtafel.core.internal.testing.TestBsns;
import org.junit.jupiter.api.Test;

class PseudonymizerTest {

    private final KeyRing keys = KeyRing.generate();
    private final Bsn bsn = TestBsns.bsn("999990019");

    @Test
    void theSameBsnGivesTheSamePseudonymUnderTheSameKey() {
        assertThat(new Pseudonymizer(keys).pseudonymOf(TestBsns.bsn("999990019")))
                .isEqualTo(new Pseudonymizer(keys).pseudonymOf(bsn));
    }

    @Test
    void anotherKeyGivesAnotherPseudonym() {
        assertThat(new Pseudonymizer(KeyRing.generate()).pseudonymOf(bsn))
                .isNotEqualTo(new Pseudonymizer(keys).pseudonymOf(bsn));
    }

    @Test
    void differentBsnsGetDifferentPseudonyms() {
        Pseudonymizer pseudonymizer = new Pseudonymizer(keys);

        assertThat(pseudonymizer.pseudonymOf(TestBsns.bsn("999990020"))).isNotEqualTo(pseudonymizer.pseudonymOf(bsn));
    }

    @Test
    void aPseudonymForAPurposeIsNeitherTheBsnsNorOneForAnotherPurpose() {
        Pseudonymizer pseudonymizer = new Pseudonymizer(keys);

        String forLogins = pseudonymizer.pseudonymOf("login-throttle", bsn.digits());

        assertThat(forLogins).matches("[0-9a-f]{64}")
                .isEqualTo(new Pseudonymizer(keys).pseudonymOf("login-throttle", bsn.digits()))
                .isNotEqualTo(pseudonymizer.pseudonymOf(bsn))
                .isNotEqualTo(pseudonymizer.pseudonymOf("another-purpose", bsn.digits()));
    }

    @Test
    void thePseudonymIsHexOfTheHmacAndDoesNotContainTheBsn() {
        String pseudonym = new Pseudonymizer(keys).pseudonymOf(bsn);

        assertThat(pseudonym).matches("[0-9a-f]{64}").doesNotContain(bsn.digits());
    }
}
