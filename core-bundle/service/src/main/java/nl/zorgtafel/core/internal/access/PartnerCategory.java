package nl.zorgtafel.core.internal.access;

import java.util.Locale;
import java.util.Map;

/**
 * What kind of organisation a partner is, which decides what it may see of other partners'
 * entries (docs/privacy.md, "Who sees what"). A partner id the table does not know yet is
 * {@link #OTHER}: it sees only that entries exist.
 */
public enum PartnerCategory {
    /** Youth protection: the certified institution with its crisis team (JBRR) and the child-protection board (RvdK). */
    YOUTH_PROTECTION,
    /** Mental-health care (GGZ): treatment under medical confidentiality. */
    MENTAL_HEALTH_CARE,
    /** Youth care and support (Horizon, MEE). */
    CARE,
    /** The municipality (gemeente). */
    MUNICIPALITY,
    /** The police (Controlepunt Mensenhandel en Prostitutie). */
    POLICE,
    /** Prostitution social work. */
    SOCIAL_WORK,
    /** A partner without a category yet. */
    OTHER;

    private static final Map<String, PartnerCategory> KNOWN = Map.ofEntries(
            Map.entry("jbrr", YOUTH_PROTECTION),
            Map.entry("rvdk", YOUTH_PROTECTION),
            Map.entry("ggz", MENTAL_HEALTH_CARE),
            Map.entry("horizon", CARE),
            Map.entry("mee", CARE),
            Map.entry("gemeente", MUNICIPALITY),
            Map.entry("municipality", MUNICIPALITY),
            Map.entry("politie", POLICE),
            Map.entry("police", POLICE),
            Map.entry("pmw", SOCIAL_WORK),
            Map.entry("social-work", SOCIAL_WORK));

    public static PartnerCategory of(String partnerId) {
        return partnerId == null ? OTHER : KNOWN.getOrDefault(partnerId.toLowerCase(Locale.ROOT), OTHER);
    }
}
