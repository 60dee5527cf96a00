package nl.zorgtafel.core.internal.partners;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.security.auth.x500.X500Principal;

/**
 * The partner systems the operator configured, and who a bearer token belongs to. Filled
 * from Config Admin at runtime: an edited {@code .cfg} takes effect without a restart.
 */
public final class PartnerDirectory {

    private final Map<String, PartnerSettings> partners = new ConcurrentHashMap<>();
    /** Partner id to the subject of the client certificate its system presents (mutual TLS). */
    private final Map<String, X500Principal> certificateSubjects = new ConcurrentHashMap<>();

    public void configured(PartnerSettings settings) {
        partners.put(settings.partnerId(), settings);
    }

    /**
     * A partner with the subject of its system's client certificate, as an RFC 2253 name
     * ({@code CN=ggz-system,O=GGZ Rotterdam,C=NL}); empty: the partner has no certificate.
     *
     * @throws IllegalArgumentException if the subject is not a distinguished name
     */
    public void configured(PartnerSettings settings, String certificateSubject) {
        configured(settings);
        if (certificateSubject == null || certificateSubject.isBlank()) {
            certificateSubjects.remove(settings.partnerId());
        } else {
            certificateSubjects.put(settings.partnerId(), new X500Principal(certificateSubject.strip()));
        }
    }

    public void removed(PartnerSettings settings) {
        if (partners.remove(settings.partnerId(), settings)) {
            certificateSubjects.remove(settings.partnerId());
        }
    }

    /**
     * The enabled partner whose system presented this client certificate (already verified
     * by the TLS handshake against the partners' trust store): its subject must be the one
     * configured for exactly that partner.
     */
    public Optional<PartnerSettings> ownerOfCertificate(X509Certificate certificate) {
        if (certificate == null) {
            return Optional.empty();
        }
        X500Principal subject = certificate.getSubjectX500Principal();
        return certificateSubjects.entrySet().stream()
                .filter(entry -> entry.getValue().equals(subject))
                .map(entry -> partners.get(entry.getKey()))
                .filter(partner -> partner != null && partner.enabled())
                .findFirst();
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
