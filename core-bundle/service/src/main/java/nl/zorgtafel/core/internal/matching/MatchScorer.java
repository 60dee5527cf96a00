package nl.zorgtafel.core.internal.matching;

import java.util.List;
import java.util.Optional;
import nl.zorgtafel.core.internal.matching.NameNormaliser.NormalisedName;

/**
 * Scores two records without a shared BSN as possibly one person, on name and birth date,
 * tolerant of what real records do: diacritics, prefixes, given and family name swapped, a
 * spelling difference of a letter, an initial for a given name, a birth year only, day and
 * month swapped. A birth date known on both sides and different rules a pair out.
 *
 * <p>The score is evidence for the coordinator, never a decision: a pair at or above
 * {@link #THRESHOLD} is proposed as a candidate, and only the coordinator merges.
 */
public final class MatchScorer {

    /** The least score proposed to the coordinator. */
    public static final int THRESHOLD = 55;

    private static final int NAME_EXACT = 60;
    private static final int NAME_SWAPPED = 55;
    private static final int NAME_PART = 50;
    private static final int NAME_CLOSE = 45;
    private static final int FAMILY_ONLY = 35;

    public Optional<MatchScore> score(Person a, Person b) {
        Optional<Evidence> name = names(NameNormaliser.normalise(a.givenName(), a.familyName()),
                NameNormaliser.normalise(b.givenName(), b.familyName()));
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Evidence birth = switch (BirthDates.compare(a.birthDate(), b.birthDate())) {
            case SAME -> new Evidence(40, "birth-date");
            case SAME_YEAR -> new Evidence(25, "birth-year");
            case DAY_MONTH_SWAPPED -> new Evidence(25, "birth-date-day-month-swapped");
            case UNKNOWN -> new Evidence(10, "birth-date-unknown");
            case DIFFERENT -> null;
        };
        if (birth == null) {
            return Optional.empty();
        }
        int score = name.get().points() + birth.points();
        return score < THRESHOLD ? Optional.empty()
                : Optional.of(new MatchScore(score, List.of(name.get().reason(), birth.reason())));
    }

    private record Evidence(int points, String reason) {
    }

    private enum Given {
        SAME, INITIAL, CLOSE, MISSING, OTHER
    }

    private static Optional<Evidence> names(NormalisedName a, NormalisedName b) {
        if (a.familyKey().isEmpty() || b.familyKey().isEmpty()) {
            return Optional.empty();
        }
        boolean familySame = a.familyKey().equals(b.familyKey()) || a.familyJoined().equals(b.familyJoined());
        Given given = given(a.given(), b.given());
        if (familySame && given == Given.SAME) {
            return Optional.of(new Evidence(NAME_EXACT, "name"));
        }
        if (a.allWords().size() >= 2 && a.allWords().equals(b.allWords())) {
            return Optional.of(new Evidence(NAME_SWAPPED, "names-swapped"));
        }
        boolean familyPart = !familySame && (a.familyCore().containsAll(b.familyCore())
                || b.familyCore().containsAll(a.familyCore()));
        if (familyPart && given == Given.SAME) {
            return Optional.of(new Evidence(NAME_PART, "family-name-part"));
        }
        if (familySame && given == Given.INITIAL) {
            return Optional.of(new Evidence(NAME_CLOSE, "given-name-initial"));
        }
        if (familySame && given == Given.CLOSE) {
            return Optional.of(new Evidence(NAME_CLOSE, "given-name-spelling"));
        }
        if (!familySame && given == Given.SAME && close(a.familyKey(), b.familyKey())) {
            return Optional.of(new Evidence(NAME_CLOSE, "family-name-spelling"));
        }
        if (familySame && given == Given.MISSING) {
            return Optional.of(new Evidence(FAMILY_ONLY, "family-name-only"));
        }
        return Optional.empty();
    }

    private static Given given(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Given.MISSING;
        }
        String first = a.get(0);
        String other = b.get(0);
        if (first.equals(other) || (first.length() > 1 && other.length() > 1 && a.stream().anyMatch(b::contains))) {
            return Given.SAME;
        }
        if (first.length() == 1 && other.startsWith(first) || other.length() == 1 && first.startsWith(other)) {
            return Given.INITIAL;
        }
        return close(first, other) ? Given.CLOSE : Given.OTHER;
    }

    /** A spelling difference: one edit (two for long words) of a letter added, left out, changed or swapped. */
    static boolean close(String a, String b) {
        int shorter = Math.min(a.length(), b.length());
        if (shorter < 4) {
            return false;
        }
        int allowed = shorter >= 8 ? 2 : 1;
        return Math.abs(a.length() - b.length()) <= allowed && editDistance(a, b) <= allowed;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
