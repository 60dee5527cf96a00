package nl.zorgtafel.partner.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PersonalNumbersTest {

    @Test
    void aLongerRunOfDigitsHasEveryNineDigitWindow() {
        assertThat(PersonalNumbers.nineDigitWindows("id 1234567890 and 12345678"))
                .containsExactly("123456789", "234567890");
    }

    @Test
    void aNumberTakenFromTheInputIsALeakEvenIfItFailsTheElfproef() {
        byte[] input = "{\"value\":\"999990018\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(PersonalNumbers.leakedInto("identifier[0].value 999990018 fails", input))
                .containsExactly("999990018");
    }

    @Test
    void aValidBsnIsALeakEvenIfNotInTheInput() {
        assertThat(PersonalNumbers.leakedInto("about 999990019", new byte[0])).containsExactly("999990019");
    }

    @Test
    void otherNumbersAreNotLeaks() {
        assertThat(PersonalNumbers.leakedInto("line 3, column 14 of 123456780", new byte[0])).isEmpty();
    }
}
