package nl.zorgtafel.api.model;

import java.util.Arrays;
import java.util.Optional;

/** What a signal (signaal, zorgmelding) is about; the codes are those of the API. */
public enum SignalCategory {
    EXPLOITATION_SUSPECTED("exploitation-suspected"),
    PROSTITUTION("prostitution"),
    LOVERBOY("loverboy"),
    RUNAWAY("runaway"),
    SCHOOL_DROPOUT("school-dropout"),
    OTHER("other");

    private final String code;

    SignalCategory(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<SignalCategory> fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
