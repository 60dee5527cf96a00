package nl.zorgtafel.core.internal.access;

/**
 * The kinds of detail of another partner's entry that need-to-know decides on. That an entry
 * exists, who reported it, when, and (for a trajectory) how it ended — planned or early —
 * is never one of them: everyone at the case's table sees that.
 */
public enum Detail {
    /** A signal's free-text summary. */
    SIGNAL_SUMMARY,
    /** What care a trajectory of youth care or support is, and the partner's reason for ending it. */
    CARE_DETAIL,
    /** The same for mental-health care (GGZ): treatment under medical confidentiality. */
    TREATMENT_DETAIL,
    /** Why the child-protection board investigates. */
    INVESTIGATION_REASON,
    /** The child-protection board's explanation of its advice (the advised measure itself is shared). */
    ADVICE_EXPLANATION
}
