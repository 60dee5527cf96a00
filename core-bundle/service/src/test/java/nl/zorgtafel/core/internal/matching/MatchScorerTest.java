package nl.zorgtafel.core.internal.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MatchScorerTest {

    private static final LocalDate BORN = LocalDate.of(2007, 11, 2);

    private final MatchScorer scorer = new MatchScorer();

    @Test
    void theSameNameAndBirthDateScoreHighest() {
        assertThat(score("Lina", "Zondernummer", BORN, "Lina", "Zondernummer", BORN))
                .contains(new MatchScore(100, java.util.List.of("name", "birth-date")));
    }

    @Test
    void diacriticsDoNotMatter() {
        assertThat(reasons("Zoë", "Çelik", BORN, "Zoe", "Celik", BORN)).containsExactly("name", "birth-date");
    }

    @Test
    void prefixesWrittenInOrLeftOutDoNotMatter() {
        assertThat(reasons("Lina", "de Wit", BORN, "Lina", "Wit", BORN)).containsExactly("name", "birth-date");
        assertThat(reasons("Lina", "van der Berg", BORN, "Lina", "Berg, van der", BORN))
                .containsExactly("name", "birth-date");
        assertThat(reasons("Lina", "Vanderberg", BORN, "Lina", "van der Berg", BORN))
                .containsExactly("name", "birth-date");
    }

    @Test
    void swappedGivenAndFamilyNamesAreACandidate() {
        assertThat(reasons("Zondernummer", "Lina", BORN, "Lina", "Zondernummer", BORN))
                .containsExactly("names-swapped", "birth-date");
    }

    @Test
    void aWholeNameInTheFamilyNameFieldIsASwapToo() {
        assertThat(reasons("", "Lina Zondernummer", BORN, "Lina", "Zondernummer", BORN))
                .containsExactly("names-swapped", "birth-date");
    }

    @Test
    void aBirthYearOnlyIsACandidate() {
        assertThat(reasons("Lina", "Zondernummer", LocalDate.of(2007, 1, 1), "Lina", "Zondernummer", BORN))
                .containsExactly("name", "birth-year");
    }

    @Test
    void anUnknownBirthDateWithTheSameNameIsACandidate() {
        assertThat(reasons("Lina", "Zondernummer", null, "Lina", "Zondernummer", BORN))
                .containsExactly("name", "birth-date-unknown");
    }

    @Test
    void aDifferentBirthDateRulesAPairOut() {
        assertThat(score("Lina", "Zondernummer", BORN, "Lina", "Zondernummer", BORN.plusDays(1))).isEmpty();
    }

    @Test
    void anotherFamilyNameRulesAPairOut() {
        assertThat(score("Lina", "Zondernummer", BORN, "Lina", "Testdal", BORN)).isEmpty();
    }

    @Test
    void anotherGivenNameRulesAPairOut() {
        assertThat(score("Lina", "Zondernummer", BORN, "Noor", "Zondernummer", BORN)).isEmpty();
    }

    @Test
    void anInitialForTheGivenNameIsACandidate() {
        assertThat(reasons("L.", "Zondernummer", BORN, "Lina", "Zondernummer", BORN))
                .containsExactly("given-name-initial", "birth-date");
    }

    @Test
    void aLetterOfDifferenceInTheFamilyNameIsACandidate() {
        assertThat(reasons("Lina", "Zondernumer", BORN, "Lina", "Zondernummer", BORN))
                .containsExactly("family-name-spelling", "birth-date");
    }

    @Test
    void aLetterOfDifferenceInTheGivenNameIsACandidate() {
        assertThat(reasons("Liena", "Zondernummer", BORN, "Lina", "Zondernummer", BORN))
                .containsExactly("given-name-spelling", "birth-date");
    }

    @Test
    void oneOfTwoFamilyNamesIsACandidate() {
        assertThat(reasons("Lina", "Jansen-Zondernummer", BORN, "Lina", "Zondernummer", BORN))
                .containsExactly("family-name-part", "birth-date");
    }

    @Test
    void dayAndMonthSwappedIsACandidate() {
        assertThat(reasons("Lina", "Zondernummer", LocalDate.of(2007, 2, 11), "Lina", "Zondernummer", BORN))
                .containsExactly("name", "birth-date-day-month-swapped");
    }

    @Test
    void aFamilyNameAloneNeedsTheBirthDate() {
        assertThat(reasons("", "Zondernummer", BORN, "Lina", "Zondernummer", BORN))
                .containsExactly("family-name-only", "birth-date");
        assertThat(score("", "Zondernummer", null, "Lina", "Zondernummer", BORN)).isEmpty();
    }

    @Test
    void editDistanceCountsAnAdjacentSwapAsOne() {
        assertThat(MatchScorer.editDistance("lina", "lian")).isEqualTo(1);
        assertThat(MatchScorer.editDistance("mohamed", "mohammed")).isEqualTo(1);
        assertThat(MatchScorer.close("ali", "aly")).isFalse();
    }

    private Optional<MatchScore> score(String given, String family, LocalDate born, String otherGiven,
                                       String otherFamily, LocalDate otherBorn) {
        return scorer.score(new Person(given, family, born), new Person(otherGiven, otherFamily, otherBorn));
    }

    private java.util.List<String> reasons(String given, String family, LocalDate born, String otherGiven,
                                           String otherFamily, LocalDate otherBorn) {
        return score(given, family, born, otherGiven, otherFamily, otherBorn).orElseThrow().reasons();
    }
}
