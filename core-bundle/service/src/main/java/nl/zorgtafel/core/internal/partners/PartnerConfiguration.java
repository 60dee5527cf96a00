package nl.zorgtafel.core.internal.partners;

import java.time.Duration;
import nl.zorgtafel.core.internal.outbox.RetryPolicy;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One instance per {@code etc/nl.zorgtafel.partner-<id>.cfg} (factory PID
 * {@code nl.zorgtafel.partner}); it publishes that partner's settings to the core. Editing
 * the file replaces the instance, deleting it removes the partner.
 */
@Component(service = PartnerConfiguration.class, configurationPid = PartnerConfiguration.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = PartnerConfiguration.Config.class, factory = true)
public final class PartnerConfiguration {

    public static final String FACTORY_PID = "nl.zorgtafel.partner";

    @ObjectClassDefinition(name = "Zorgtafel partner system",
            description = "A chain partner's system: its credential and where its notifications go.")
    public @interface Config {
        @AttributeDefinition(description = "The partner id: rvdk, ggz, mee, horizon, jbrr, ...")
        String partnerId();

        @AttributeDefinition(description = "Hex SHA-256 of the partner's bearer token; the token is never stored.")
        String tokenSha256() default "";

        @AttributeDefinition(description = "HTTP endpoint for notifications (HTTP partners).")
        String outboundUrl() default "";

        @AttributeDefinition(description = "Folder for notification files (file partners).")
        String outboundDirectory() default "";

        @AttributeDefinition(description = "Subject of the client certificate of the partner's system (mutual "
                + "TLS), as an RFC 2253 name, e.g. CN=ggz-system,O=GGZ,C=NL; empty: none.")
        String certificateSubject() default "";

        @AttributeDefinition(description = "A disabled partner cannot authenticate.")
        boolean enabled() default true;

        @AttributeDefinition(description = "Delivery attempts of a notification before it becomes a dead letter.")
        int maxAttempts() default 12;

        @AttributeDefinition(description = "Delay before the second attempt, in milliseconds; it doubles each "
                + "time, with jitter, up to retryMaxMillis.")
        long retryBaseMillis() default 1_000;

        @AttributeDefinition(description = "Longest delay between two attempts, in milliseconds.")
        long retryMaxMillis() default 300_000;

        @AttributeDefinition(description = "Largest message this partner may send, in bytes (413 above); 0: the "
                + "core's maxMessageBytes (10 MiB by default). At most 16 MiB, what the inbox stores.")
        long maxMessageBytes() default 0;
    }

    private final PartnerSettings settings;
    private final String certificateSubject;

    @Activate
    public PartnerConfiguration(Config config) {
        this.certificateSubject = config.certificateSubject();
        this.settings = new PartnerSettings(config.partnerId(), config.tokenSha256(), config.outboundUrl(),
                config.outboundDirectory(), config.enabled(), new RetryPolicy(Math.max(1, config.maxAttempts()),
                Duration.ofMillis(config.retryBaseMillis()), Duration.ofMillis(config.retryMaxMillis())),
                config.maxMessageBytes());
    }

    public PartnerSettings settings() {
        return settings;
    }

    /** The subject of the client certificate of the partner's system, or empty. */
    public String certificateSubject() {
        return certificateSubject == null ? "" : certificateSubject;
    }
}
