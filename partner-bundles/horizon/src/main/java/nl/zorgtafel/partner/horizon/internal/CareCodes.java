package nl.zorgtafel.partner.horizon.internal;

import java.util.Map;
import nl.zorgtafel.api.model.TrajectoryEnding;

/**
 * The iJw code lists the translation needs: JZ020 (product category) for what care a
 * trajectory is, and JZ588 (reason the care ended) for how it ended.
 */
final class CareCodes {

    /** JZ020 categories that the table names; other categories keep their code. */
    private static final Map<String, String> CATEGORIES = Map.of(
            "37", "closed placement",
            "43", "residential",
            "44", "residential",
            "45", "ambulant",
            "46", "crisis");

    private CareCodes() {
    }

    /** What care a JZ020 product category is, in the table's words. */
    static String careKind(String category) {
        return CATEGORIES.getOrDefault(category, "category " + category);
    }

    /**
     * How care ended, from a JZ588 code: 31 as planned; 32 to 35 early (on the client's
     * side, the provider's, by mutual agreement, by outside circumstances); any other code
     * is kept as given but says nothing about whether it was early.
     */
    static TrajectoryEnding.Kind endingKind(String reason) {
        return switch (reason) {
            case "31" -> TrajectoryEnding.Kind.PLANNED;
            case "32", "33", "34", "35" -> TrajectoryEnding.Kind.EARLY;
            default -> TrajectoryEnding.Kind.UNKNOWN;
        };
    }
}
