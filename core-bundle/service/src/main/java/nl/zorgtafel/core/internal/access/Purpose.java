package nl.zorgtafel.core.internal.access;

import java.util.Locale;

/**
 * Why personal data are processed (NEN 7513 "doel"), and on which legal basis, as the audit
 * trail records with every event. The legal bases are the ones docs/privacy.md names; those
 * marked there "to be confirmed by the DPO" are the platform's best reading, not legal advice.
 */
public enum Purpose {
    /** The table's multidisciplinary case consultation about a youth (casusoverleg). */
    CARE_COORDINATION("care-coordination"),
    /** A partner system exchanging its own messages with the table. */
    MESSAGE_EXCHANGE("message-exchange"),
    /** Keeping the platform running: adapters, dead letters. */
    OPERATIONS("operations"),
    /** Proving who someone is. */
    AUTHENTICATION("authentication"),
    /** The privacy officer's supervision: reading and verifying the audit trail. */
    PRIVACY_SUPERVISION("privacy-supervision"),
    /** A data subject's right of access (AVG art. 15). */
    SUBJECT_ACCESS("subject-access"),
    /** Erasure on a legal order or a granted request (AVG art. 17). */
    ERASURE("erasure"),
    /** Removal of what is past its retention period (AVG art. 5(1)(e)). */
    RETENTION("retention");

    private final String code;

    Purpose(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The legal basis for this purpose when a partner of this category acts. */
    public String legalBasis(PartnerCategory category) {
        return switch (this) {
            case CARE_COORDINATION, MESSAGE_EXCHANGE -> switch (category) {
                case YOUTH_PROTECTION -> "AVG 6(1)(c)(e), 9(2)(g)(h); Jeugdwet 7.4.0; BW 1:255 (DPO to confirm)";
                case MENTAL_HEALTH_CARE, CARE -> "AVG 6(1)(e), 9(2)(h); Jeugdwet 7.4.0, 7.3.11 (DPO to confirm)";
                case MUNICIPALITY -> "AVG 6(1)(e), 9(2)(g); Jeugdwet 7.4.0 (DPO to confirm)";
                case POLICE -> "Wet politiegegevens art. 20 (DPO to confirm)";
                case SOCIAL_WORK, OTHER -> "AVG 6(1)(e); covenant of the table (DPO to confirm)";
            };
            case OPERATIONS -> "AVG 6(1)(e), 32: security of processing";
            case AUTHENTICATION -> "AVG 32: security of processing; NEN 7510";
            case PRIVACY_SUPERVISION -> "AVG 5(2), 32; NEN 7513";
            case SUBJECT_ACCESS -> "AVG 15";
            case ERASURE -> "AVG 17; the legal order named in the record";
            case RETENTION -> "AVG 5(1)(e): storage limitation";
        };
    }

    @Override
    public String toString() {
        return code.toUpperCase(Locale.ROOT);
    }
}
