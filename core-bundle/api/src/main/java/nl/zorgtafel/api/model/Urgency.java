package nl.zorgtafel.api.model;

import java.util.Arrays;
import java.util.Optional;

/** How fast a signal needs an answer: at the next table, or by the crisis team at once. */
public enum Urgency {
    NORMAL("normal"),
    CRISIS("crisis");

    private final String code;

    Urgency(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Urgency> fromCode(String code) {
        return Arrays.stream(values()).filter(u -> u.code.equals(code)).findFirst();
    }
}
