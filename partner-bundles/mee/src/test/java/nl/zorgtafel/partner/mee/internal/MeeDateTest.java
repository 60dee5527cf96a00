package nl.zorgtafel.partner.mee.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MeeDateTest {

    @Test
    void ddMmYyyyIsADate() {
        assertThat(MeeDate.parse("03-11-1997")).contains(LocalDate.of(1997, 11, 3));
    }

    @Test
    void leapDayIsADateInALeapYear() {
        assertThat(MeeDate.parse("29-02-2016")).contains(LocalDate.of(2016, 2, 29));
    }

    @ParameterizedTest
    @ValueSource(strings = {"31-02-2015", "29-02-2015", "1997-11-03", "3-11-1997", "03-11-97", "03/11/1997",
        "03-11-19970", "00-11-1997", "03-13-1997", " 03-11-1997", "gisteren", ""})
    void anythingElseIsNoDate(String text) {
        assertThat(MeeDate.parse(text)).isEmpty();
    }

    @Test
    void formatIsTheSameForm() {
        assertThat(MeeDate.format(LocalDate.of(2015, 3, 2))).isEqualTo("02-03-2015");
    }
}
