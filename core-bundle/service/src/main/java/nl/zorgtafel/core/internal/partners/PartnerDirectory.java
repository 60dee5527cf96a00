package nl.zorgtafel.core.internal.partners;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The partner systems the operator configured, and who a bearer token belongs to. Filled
 * from Config Admin at runtime: an edited {@code .cfg} takes effect without a restart.
 */
public final class PartnerDirectory {

    private final Map<String, PartnerSettings> partners = new ConcurrentHashMap<>();

    public void configured(PartnerSettings settings) {
        partners.put(settings.partnerId(), settings);
    }

    public void removed(PartnerSettings settings) {
        partners.remove(settings.partnerId(), settings);
    }

    public Optional<PartnerSettings> partner(String partnerId) {
        return Optional.ofNullable(partners.get(partnerId));
    }

    public List<PartnerSettings> all() {
        return partners.values().stream().sorted(java.util.Comparator.comparing(PartnerSettings::partnerId)).toList();
    }

    /** The enabled partner whose token this is; compares hashes in constant time. */
    public Optional<PartnerSettings> ownerOfToken(String token) {
        byte[] presented = sha256(token).getBytes(StandardCharsets.US_ASCII);
        return partners.values().stream()
                .filter(PartnerSettings::enabled)
                .filter(p -> !p.tokenSha256().isEmpty())
                .filter(p -> MessageDigest.isEqual(presented, p.tokenSha256().getBytes(StandardCharsets.US_ASCII)))
                .findFirst();
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
