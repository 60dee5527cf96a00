package nl.zorgtafel.core.internal.partners;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import nl.zorgtafel.core.internal.outbox.RetryPolicy;

/**
 * One partner system's settings, from {@code etc/nl.zorgtafel.partner-<id>.cfg}.
 *
 * @param tokenSha256 hex SHA-256 of the partner's bearer token (the token itself is never
 *     stored); empty means the partner cannot authenticate
 * @param outboundUrl where HTTP notifications go, or empty
 * @param outboundDirectory where file notifications go, or empty
 * @param enabled a disabled partner is refused as if it had no credential
 * @param maxMessageBytes the largest message this partner may send, in bytes; 0: the core's
 *     {@code maxMessageBytes}
 */
public record PartnerSettings(String partnerId, String tokenSha256, String outboundUrl, String outboundDirectory,
                              boolean enabled, RetryPolicy retryPolicy, long maxMessageBytes) {

    /**
     * Twelve attempts, from one second up to five minutes apart: a partner can be away for
     * about a quarter of an hour (1+2+…+256 s, then 300 s twice, with jitter) before a
     * notification becomes a dead letter for an operator to replay.
     */
    public static final RetryPolicy DEFAULT_RETRY = new RetryPolicy(12, Duration.ofSeconds(1), Duration.ofMinutes(5));

    public PartnerSettings(String partnerId, String tokenSha256, String outboundUrl, String outboundDirectory,
                           boolean enabled) {
        this(partnerId, tokenSha256, outboundUrl, outboundDirectory, enabled, DEFAULT_RETRY);
    }

    public PartnerSettings(String partnerId, String tokenSha256, String outboundUrl, String outboundDirectory,
                           boolean enabled, RetryPolicy retryPolicy) {
        this(partnerId, tokenSha256, outboundUrl, outboundDirectory, enabled, retryPolicy, 0);
    }

    public PartnerSettings {
        Objects.requireNonNull(partnerId, "partnerId");
        partnerId = partnerId.strip();
        tokenSha256 = tokenSha256 == null ? "" : tokenSha256.strip().toLowerCase(Locale.ROOT);
        outboundUrl = outboundUrl == null ? "" : outboundUrl.strip();
        outboundDirectory = outboundDirectory == null ? "" : outboundDirectory.strip();
        retryPolicy = retryPolicy == null ? DEFAULT_RETRY : retryPolicy;
        maxMessageBytes = Math.max(0, maxMessageBytes);
    }

    /** Whether notifications for this partner have somewhere to go. */
    public boolean hasDestination() {
        return !outboundUrl.isEmpty() || !outboundDirectory.isEmpty();
    }

    /** The token hash is a secret too: it never appears in a string form. */
    @Override
    public String toString() {
        return "PartnerSettings[partnerId=" + partnerId + ", enabled=" + enabled + ", token="
                + (tokenSha256.isEmpty() ? "none" : "set") + "]";
    }
}
