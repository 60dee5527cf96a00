package nl.zorgtafel.core.internal.security;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling: a partner system (by its bearer token) or a person (by the
 * {@code zorgtafel} realm), with their roles and, for partners, the partner they act for.
 *
 * @param name the user name, or {@code system:<partnerId>} for a partner system
 * @param partnerId the partner the caller acts for, or {@code null}
 */
public record Caller(String name, Kind kind, Set<String> roles, String partnerId) {

    public static final String COORDINATOR = "coordinator";
    public static final String PRIVACY_OFFICER = "privacy-officer";
    public static final String OPERATOR = "operator";
    public static final String PARTNER_ROLE_PREFIX = "partner-";
    /** The coordinator works at the crisis-intervention team's organisation. */
    static final String COORDINATOR_PARTNER = "jbrr";

    /** A partner's own system, or a person. */
    public enum Kind {
        PARTNER_SYSTEM, PERSON
    }

    public Caller {
        roles = Set.copyOf(roles);
    }

    public static Caller partnerSystem(String partnerId) {
        return new Caller("system:" + partnerId, Kind.PARTNER_SYSTEM, Set.of(PARTNER_ROLE_PREFIX + partnerId),
                partnerId);
    }

    /** A person: their partner is the one named by their {@code partner-<id>} role, if any. */
    public static Caller person(String name, Set<String> roles) {
        String partner = roles.stream()
                .filter(role -> role.startsWith(PARTNER_ROLE_PREFIX))
                .map(role -> role.substring(PARTNER_ROLE_PREFIX.length()))
                .sorted()
                .findFirst()
                .orElse(roles.contains(COORDINATOR) ? COORDINATOR_PARTNER : null);
        return new Caller(name, Kind.PERSON, roles, partner);
    }

    public boolean isCoordinator() {
        return roles.contains(COORDINATOR);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The partner on whose behalf the caller reports, if they report for one. */
    public Optional<String> reportingPartner() {
        return Optional.ofNullable(partnerId);
    }

    /** Whether the caller works with case content at all (people of the table and partners). */
    public boolean worksWithCases() {
        return isCoordinator() || partnerId != null && roles.contains(PARTNER_ROLE_PREFIX + partnerId);
    }

    /** Whether the caller may see a case that these partners are involved in. */
    public boolean maySee(Set<String> involvedPartners) {
        return isCoordinator() || partnerId != null && worksWithCases() && involvedPartners.contains(partnerId);
    }
}
