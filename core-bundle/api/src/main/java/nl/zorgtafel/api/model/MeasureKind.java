package nl.zorgtafel.api.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * A legal child-protection measure (maatregel), or the advice that none is needed. The
 * codes are those of the Raad voor de Kinderbescherming.
 */
public enum MeasureKind {
    /** Ondertoezichtstelling: family supervision order. */
    OTS("ots"),
    /** Machtiging gesloten jeugdhulp: authorisation for a closed placement. */
    CLOSED_CARE_AUTHORISATION("machtiging-gesloten-jeugdhulp"),
    /** Spoedmachtiging gesloten jeugdhulp: the same, granted the same day in a crisis. */
    EMERGENCY_CLOSED_CARE_AUTHORISATION("spoedmachtiging-gesloten-jeugdhulp"),
    /** Voogdij: guardianship. */
    GUARDIANSHIP("voogdij"),
    /** Geen maatregel: no measure. Only meaningful as advice. */
    NONE("geen-maatregel");

    private final String code;

    MeasureKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<MeasureKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
