package nl.zorgtafel.core.internal.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import nl.zorgtafel.core.internal.testing.TestBsns;
import org.junit.jupiter.api.Test;

class BsnScrubberTest {

    @Test
    void aBsnAnywhereInATextIsReplaced() {
        String bsn = TestBsns.digits("999990019");
        assertThat(BsnScrubber.scrub("bsn " + bsn + " seen")).isEqualTo("bsn [bsn] seen");
        assertThat(BsnScrubber.scrub("id-" + bsn)).isEqualTo("id-[bsn]");
        assertThat(BsnScrubber.holdsBsn(bsn)).isTrue();
    }

    @Test
    void otherNumbersStay() {
        assertThat(BsnScrubber.scrub("999990018")).isEqualTo("999990018");
        assertThat(BsnScrubber.scrub("2026-05-11 count 12345")).isEqualTo("2026-05-11 count 12345");
        assertThat(BsnScrubber.scrub("1234567890123")).isEqualTo("1234567890123");
        assertThat(BsnScrubber.scrub(null)).isNull();
    }
}
