package nl.zorgtafel.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BsnTest {

    @ParameterizedTest
    @ValueSource(strings = {"999990019", "999911120", "999993653", " 999990019 "})
    void testBsnsThatPassTheElfproefAreAccepted(String value) {
        assertThat(Bsn.isValid(value)).isTrue();
        assertThat(Bsn.of(value).digits()).isEqualTo(value.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"999990018", "123456789", "000000000", "99999001", "9999900190", "99999001a", ""})
    void numbersThatFailTheElfproefOrTheFormatAreRejected(String value) {
        assertThat(Bsn.isValid(value)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> Bsn.of(value))
                .withMessageNotContaining(value.isEmpty() ? "\u0000" : value);
    }

    @Test
    void allZerosPassesTheWeightedSumButIsRejected() {
        assertThat(Bsn.passesElfproef("000000000")).isFalse();
    }

    @Test
    void eightDigitsGetTheirLeadingZeroBack() {
        // 012345672: 0*9+1*8+2*7+3*6+4*5+5*4+6*3+7*2-2 = 110, a multiple of 11
        assertThat(Bsn.of("12345672").digits()).isEqualTo("012345672");
    }

    @Test
    void theStringFormNeverShowsTheDigits() {
        assertThat(Bsn.of("999990019").toString()).doesNotContain("999990019").doesNotContainPattern("[0-9]");
    }

    @Test
    void nullIsNotABsn() {
        assertThat(Bsn.isValid(null)).isFalse();
    }
}
