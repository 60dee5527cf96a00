package nl.zorgtafel.core.internal.matching;

import java.util.List;

/**
 * How strongly two records look like one person (0–100), and why, in codes the coordinator
 * reads: {@code name}, {@code names-swapped}, {@code given-name-initial},
 * {@code given-name-spelling}, {@code family-name-spelling}, {@code family-name-part},
 * {@code family-name-only}; {@code birth-date}, {@code birth-year},
 * {@code birth-date-day-month-swapped}, {@code birth-date-unknown}.
 */
public record MatchScore(int score, List<String> reasons) {

    public MatchScore {
        reasons = List.copyOf(reasons);
    }
}
