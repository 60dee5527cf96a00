package nl.zorgtafel.core.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import nl.zorgtafel.api.partner.PartnerAdapter;
import nl.zorgtafel.core.internal.cases.CaseLifecycle;
import nl.zorgtafel.core.internal.cases.Cases;
import nl.zorgtafel.core.internal.cases.EventApplier;
import nl.zorgtafel.core.internal.cases.YouthMatcher;
import nl.zorgtafel.core.internal.crypto.Cipher;
import nl.zorgtafel.core.internal.crypto.DatabaseKey;
import nl.zorgtafel.core.internal.crypto.KeyRing;
import nl.zorgtafel.core.internal.crypto.Pseudonymizer;
import nl.zorgtafel.core.internal.crisis.Crises;
import nl.zorgtafel.core.internal.crisis.CrisisWatch;
import nl.zorgtafel.core.internal.inbox.AdapterRegistry;
import nl.zorgtafel.core.internal.inbox.FolderInbox;
import nl.zorgtafel.core.internal.inbox.Inbox;
import nl.zorgtafel.core.internal.inbox.InboxProcessor;
import nl.zorgtafel.core.internal.matching.MatchCandidates;
import nl.zorgtafel.core.internal.matching.YouthMerger;
import nl.zorgtafel.core.internal.operations.PartnerOverview;
import nl.zorgtafel.core.internal.outbox.Notifier;
import nl.zorgtafel.core.internal.outbox.OutboxDispatcher;
import nl.zorgtafel.core.internal.partners.PartnerConfiguration;
import nl.zorgtafel.core.internal.partners.PartnerDirectory;
import nl.zorgtafel.core.internal.partners.PartnerSettings;
import nl.zorgtafel.core.internal.audit.AuditTrail;
import nl.zorgtafel.core.internal.audit.SystemEvents;
import nl.zorgtafel.core.internal.privacy.PrivacyOffice;
import nl.zorgtafel.core.internal.security.Authenticator;
import nl.zorgtafel.core.internal.security.LoginThrottle;
import nl.zorgtafel.core.internal.security.PasswordUpgrade;
import nl.zorgtafel.core.internal.security.RateLimiter;
import nl.zorgtafel.core.internal.security.Sessions;
import nl.zorgtafel.core.internal.security.StoreLedger;
import nl.zorgtafel.core.internal.store.Database;
import nl.zorgtafel.core.internal.store.Transactions;
import nl.zorgtafel.core.internal.table.Agendas;
import nl.zorgtafel.core.internal.table.Agreements;
import nl.zorgtafel.core.internal.table.Meetings;
import nl.zorgtafel.core.internal.table.MissedSignals;
import nl.zorgtafel.core.internal.table.RecurrenceReport;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's wiring, and the only part of it that knows OSGi: opens the database, builds
 * the plain classes that do the work, and follows partner adapters and partner
 * configurations as they come and go. An adapter's arrival drives its waiting inbox.
 */
@Component(service = Core.class, immediate = true, configurationPid = Core.PID)
@Designate(ocd = Core.Config.class)
public final class Core {

    static final String PID = "nl.zorgtafel.core";
    private static final Logger LOG = LoggerFactory.getLogger(Core.class);

    @ObjectClassDefinition(name = "Zorgtafel core", description = "Store, inbox and API limits.")
    public @interface Config {
        @AttributeDefinition(description = "Folder of the embedded database; empty: data/zorgtafel/database.")
        String databaseDirectory() default "";

        @AttributeDefinition(description = "File with the encryption and pseudonym keys; empty: "
                + "etc/zorgtafel-keys.properties. Created with fresh keys when absent. Back it up apart.")
        String keyFile() default "";

        @AttributeDefinition(description = "Largest partner message accepted, in bytes (413 above), unless the "
                + "partner's own configuration sets maxMessageBytes; at most 16 MiB, what the inbox stores.")
        long maxMessageBytes() default 10L * 1024 * 1024;

        @AttributeDefinition(description = "How long a partner's request waits for its message to be processed "
                + "before it is answered 202 PENDING, in milliseconds.")
        long processingPatienceMillis() default 10_000;

        @AttributeDefinition(description = "How often the outbox is looked at for due notifications, in ms.")
        long outboxScanMillis() default 500;

        @AttributeDefinition(description = "Threads delivering notifications; each partner is delivered by one "
                + "at a time, so this many partners can be served at once.")
        int deliveryThreads() default 4;

        @AttributeDefinition(description = "Connect and answer timeout of an HTTP delivery, in milliseconds.")
        long deliveryTimeoutMillis() default 10_000;

        @AttributeDefinition(description = "How often the file drop data/inbox/<partnerId>/ is looked at, in "
                + "milliseconds; a file is taken once it stood still for one whole interval.")
        long folderInboxScanMillis() default 2_000;

        @AttributeDefinition(description = "How long the crisis-intervention team has to acknowledge a crisis "
                + "signal before the coordinator is alerted, in minutes.")
        long crisisAcknowledgementMinutes() default 60;

        @AttributeDefinition(description = "How often unacknowledged crisis signals are looked for, in seconds.")
        long crisisCheckSeconds() default 60;

        @AttributeDefinition(description = "How often agreements that became overdue are looked for (their owner "
                + "is told once), in minutes.")
        long overdueCheckMinutes() default 60;

        @AttributeDefinition(description = "A web UI session ends after this many minutes without a request.")
        long sessionIdleMinutes() default 30;

        @AttributeDefinition(description = "Months after a case closed that its personal data are erased "
                + "(anonymised counts stay); at least 12, the repeat window.")
        int retentionMonths() default 24;

        @AttributeDefinition(description = "Years that audit records are kept.")
        int auditRetentionYears() default 5;

        @AttributeDefinition(description = "How often the retention pass runs, in hours.")
        long retentionCheckHours() default 24;

        @AttributeDefinition(description = "Requests per second each partner system or person may make on "
                + "average (token bucket); 0 turns the limit off.")
        double rateLimitPerSecond() default 200;

        @AttributeDefinition(description = "Requests a caller may make at once before the rate applies.")
        double rateLimitBurst() default 1000;

        @AttributeDefinition(description = "Failed logins in a row after which a user name is locked out.")
        int loginMaxFailures() default 5;

        @AttributeDefinition(description = "Failed logins from one address after which it is locked out.")
        int loginMaxFailuresPerSource() default 20;

        @AttributeDefinition(description = "How long a lock-out lasts, in minutes.")
        long loginLockMinutes() default 15;
    }

    private final AdapterRegistry adapters = new AdapterRegistry();
    private final PartnerDirectory partners = new PartnerDirectory();
    private final Database database;
    private final Transactions transactions;
    private final Clock clock;
    private final ScheduledExecutorService inboxWorker;
    private final ExecutorService inboxWriter;
    private final ScheduledExecutorService folderWorker;
    private final ScheduledExecutorService outboxClock;
    private final ExecutorService deliveries;
    private final OutboxDispatcher dispatcher;
    private final PartnerOverview overview;
    private final InboxProcessor processor;
    private final Inbox inbox;
    private final Cases cases;
    private final Authenticator authenticator;
    private final CaseLifecycle lifecycle;
    private final MatchCandidates matchCandidates;
    private final Meetings meetings;
    private final Agreements agreements;
    private final RecurrenceReport recurrence;
    private final MissedSignals missedSignals = new MissedSignals();
    private final Crises crises;
    private final ScheduledExecutorService overdueWatch;
    private final ScheduledExecutorService crisisWatch;
    private final Sessions sessions;
    private final long maxMessageBytes;
    private final ExecutorService auditWriter;
    private final AuditTrail audit;
    private final PrivacyOffice privacy;
    private final RateLimiter rateLimiter;
    private final ScheduledExecutorService retention;

    @Activate
    public Core(BundleContext context, Config config) throws Exception {
        Path data = Path.of(property(context, "karaf.data", "data"));
        Path etc = Path.of(property(context, "karaf.etc", "etc"));
        Path databaseDirectory = config.databaseDirectory().isBlank()
                ? data.resolve("zorgtafel").resolve("database") : Path.of(config.databaseDirectory());
        Path keyFile = config.keyFile().isBlank() ? etc.resolve("zorgtafel-keys.properties") : Path.of(config.keyFile());
        KeyRing keys = KeyRing.openOrCreate(keyFile);
        Cipher cipher = new Cipher(keys);
        this.database = Database.open(databaseDirectory, data.resolve("log").resolve("derby.log"),
                DatabaseKey.openOrAdd(keyFile));
        this.transactions = new Transactions(database.dataSource());
        this.clock = Clock.system(ZoneId.of("Europe/Amsterdam"));
        Notifier notifier = new Notifier();
        Pseudonymizer pseudonymizer = new Pseudonymizer(keys);
        EventApplier applier = new EventApplier(new YouthMatcher(pseudonymizer, cipher), clock, notifier);
        this.inboxWorker = Executors.newSingleThreadScheduledExecutor(namedDaemon("zorgtafel-inbox"));
        this.processor = new InboxProcessor(transactions, cipher, adapters, applier, clock, inboxWorker);
        this.inboxWriter = Executors.newSingleThreadExecutor(namedDaemon("zorgtafel-inbox-writer"));
        this.inbox = new Inbox(transactions, cipher, adapters, processor, clock,
                Duration.ofMillis(config.processingPatienceMillis()), inboxWriter);
        this.cases = new Cases(transactions, applier);
        this.auditWriter = Executors.newSingleThreadExecutor(namedDaemon("zorgtafel-audit"));
        this.audit = new AuditTrail(transactions, clock, auditWriter);
        this.privacy = new PrivacyOffice(transactions, audit, clock, config.retentionMonths(),
                config.auditRetentionYears());
        this.rateLimiter = new RateLimiter(clock, config.rateLimitPerSecond(), config.rateLimitBurst());
        // counts kept in the store, under keyed pseudonyms: a restart lifts no lock-out
        LoginThrottle throttle = new LoginThrottle(clock, config.loginMaxFailures(),
                config.loginMaxFailuresPerSource(), Duration.ofMinutes(config.loginLockMinutes()),
                new StoreLedger(transactions),
                subject -> pseudonymizer.pseudonymOf(LoginThrottle.PSEUDONYM_PURPOSE, subject));
        throttle.onLockout((kind, who) -> runSafely("Auditing a lock-out", () -> audit.record(
                SystemEvents.lockout(clock, kind, who, config.loginLockMinutes()))));
        this.authenticator = new Authenticator(partners, throttle, clock, PasswordUpgrade.inUsersFileOf(etc));
        this.retention = Executors.newSingleThreadScheduledExecutor(namedDaemon("zorgtafel-retention"));
        retention.scheduleWithFixedDelay(() -> runSafely("The retention pass",
                () -> privacy.runRetention("system:retention", "scheduler")), 1, config.retentionCheckHours() * 60,
                TimeUnit.MINUTES);
        this.lifecycle = new CaseLifecycle(transactions, clock);
        this.matchCandidates = new MatchCandidates(transactions, new YouthMerger(notifier), clock);
        this.meetings = new Meetings(transactions, new Agendas(), notifier, clock);
        this.agreements = new Agreements(transactions, notifier, clock);
        this.recurrence = new RecurrenceReport(transactions);
        this.crises = new Crises(transactions, clock);
        CrisisWatch watch = new CrisisWatch(transactions, notifier, clock,
                Duration.ofMinutes(config.crisisAcknowledgementMinutes()), id -> partners.partner(id).isPresent());
        this.crisisWatch = Executors.newSingleThreadScheduledExecutor(namedDaemon("zorgtafel-crisis-watch"));
        crisisWatch.scheduleWithFixedDelay(() -> runSafely("Looking for unacknowledged crises", watch::check),
                config.crisisCheckSeconds(), config.crisisCheckSeconds(), TimeUnit.SECONDS);
        this.overdueWatch = Executors.newSingleThreadScheduledExecutor(namedDaemon("zorgtafel-overdue-watch"));
        overdueWatch.scheduleWithFixedDelay(() -> runSafely("Looking for overdue agreements",
                agreements::notifyOverdue), 0, config.overdueCheckMinutes(), TimeUnit.MINUTES);
        this.sessions = new Sessions(clock, Duration.ofMinutes(config.sessionIdleMinutes()), Duration.ofHours(12),
                10_000);
        this.maxMessageBytes = config.maxMessageBytes();
        this.deliveries = Executors.newFixedThreadPool(config.deliveryThreads(), namedDaemon("zorgtafel-delivery"));
        this.outboxClock = Executors.newSingleThreadScheduledExecutor(namedDaemon("zorgtafel-outbox"));
        this.dispatcher = new OutboxDispatcher(transactions, adapters, partners,
                Duration.ofMillis(config.deliveryTimeoutMillis()), clock, deliveries);
        this.overview = new PartnerOverview(transactions, adapters, partners);
        dispatcher.onDelivered((store, entries) -> AuditTrail.appendIn(store,
                entries.stream().map(entry -> SystemEvents.delivery(clock, entry)).toList()));
        outboxClock.scheduleWithFixedDelay(() -> driveSafely(dispatcher), 0, config.outboxScanMillis(), TimeUnit.MILLISECONDS);
        processor.onAppliedUnanswered((store, applied) -> AuditTrail.appendIn(store, applied.stream()
                .map(message -> SystemEvents.appliedLater(clock, message.partnerId(), message.receipt())).toList()));
        adapters.onArrival(partnerId -> processor.drive());
        adapters.onArrival(partnerId -> dispatcher.drive());
        adapters.onDeparture(processor::adapterLeft);
        // messages left pending by the last run (a stop, a crash) are picked up now
        processor.drive();
        FolderInbox folderInbox = new FolderInbox(data.resolve("inbox"), inbox, this::enabledPartners, clock,
                this::maxMessageBytes);
        folderInbox.onReceived((partnerId, receipt) -> audit.record(SystemEvents.fileDrop(clock, partnerId, receipt)));
        this.folderWorker = Executors.newSingleThreadScheduledExecutor(namedDaemon("zorgtafel-folder-inbox"));
        folderWorker.execute(folderInbox::recover);
        folderWorker.scheduleWithFixedDelay(() -> scanSafely(folderInbox), config.folderInboxScanMillis(),
                config.folderInboxScanMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Zorgtafel core started");
    }

    private Set<String> enabledPartners() {
        return partners.all().stream().filter(PartnerSettings::enabled).map(PartnerSettings::partnerId)
                .collect(Collectors.toSet());
    }

    private static void driveSafely(OutboxDispatcher dispatcher) {
        try {
            dispatcher.drive();
        } catch (RuntimeException e) {
            // a failed round must not end the schedule: the next one tries again
            LOG.error("Starting the outbox deliveries failed", e);
        }
    }

    private static void scanSafely(FolderInbox folderInbox) {
        try {
            folderInbox.scan();
        } catch (RuntimeException e) {
            // a failed scan must not end the schedule: the next one tries again
            LOG.error("Scanning the inbox folders failed", e);
        }
    }

    /** A failed scheduled check must not end its schedule: the next one tries again. */
    private static void runSafely(String what, Runnable check) {
        try {
            check.run();
        } catch (RuntimeException e) {
            LOG.error("{} failed; tried again on the next round", what, e);
        }
    }

    private static java.util.concurrent.ThreadFactory namedDaemon(String name) {
        java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static String property(BundleContext context, String name, String fallback) {
        String value = context.getProperty(name);
        return value == null ? fallback : value;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindAdapter(ServiceReference<PartnerAdapter> reference, PartnerAdapter adapter) {
        String version = reference.getBundle() == null ? "unknown" : reference.getBundle().getVersion().toString();
        LOG.info("Adapter for partner {} arrived, version {}", adapter.partnerId(), version);
        adapters.arrived(adapter, version);
    }

    void unbindAdapter(ServiceReference<PartnerAdapter> reference, PartnerAdapter adapter) {
        adapters.departed(adapter);
        LOG.info("Adapter for partner {} departed; {}", adapter.partnerId(), adapters.versionFor(adapter.partnerId())
                .map(version -> "version " + version + " serves now")
                .orElse("its messages wait in the inbox until an adapter is back"));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindPartner(PartnerConfiguration configuration) {
        partners.configured(configuration.settings(), configuration.certificateSubject());
    }

    void unbindPartner(PartnerConfiguration configuration) {
        partners.removed(configuration.settings());
    }

    @Deactivate
    void stop() throws InterruptedException {
        retention.shutdownNow();
        retention.awaitTermination(30, TimeUnit.SECONDS);
        crisisWatch.shutdown();
        overdueWatch.shutdown();
        crisisWatch.awaitTermination(30, TimeUnit.SECONDS);
        overdueWatch.awaitTermination(30, TimeUnit.SECONDS);
        outboxClock.shutdown();
        deliveries.shutdown();
        if (!deliveries.awaitTermination(30, TimeUnit.SECONDS)) {
            // an interrupted delivery stays pending and is sent again after start: at least once
            deliveries.shutdownNow();
        }
        folderWorker.shutdown();
        folderWorker.awaitTermination(30, TimeUnit.SECONDS);
        inboxWriter.shutdown();
        inboxWriter.awaitTermination(30, TimeUnit.SECONDS);
        inboxWorker.shutdown();
        if (!inboxWorker.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.warn("The inbox worker did not finish in time; its message stays pending and is redone at start");
            inboxWorker.shutdownNow();
        }
        auditWriter.shutdown();
        auditWriter.awaitTermination(30, TimeUnit.SECONDS);
        database.close();
        LOG.info("Zorgtafel core stopped");
    }

    /** Whether the core can serve: the database answers. */
    public boolean isUp() {
        try (Connection connection = database.dataSource().getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    public Inbox inbox() {
        return inbox;
    }

    public Cases cases() {
        return cases;
    }

    public Authenticator authenticator() {
        return authenticator;
    }

    /** Closing and reopening cases. */
    public CaseLifecycle lifecycle() {
        return lifecycle;
    }

    public MatchCandidates matchCandidates() {
        return matchCandidates;
    }

    public Meetings meetings() {
        return meetings;
    }

    public Agreements agreements() {
        return agreements;
    }

    public RecurrenceReport recurrence() {
        return recurrence;
    }

    public MissedSignals missedSignals() {
        return missedSignals;
    }

    public Crises crises() {
        return crises;
    }

    /** Today, on the core's clock (Amsterdam). */
    public java.time.LocalDate today() {
        return java.time.LocalDate.now(clock);
    }

    /** The web UI's logged-in people. */
    public Sessions sessions() {
        return sessions;
    }

    public AdapterRegistry adapters() {
        return adapters;
    }

    public PartnerDirectory partners() {
        return partners;
    }

    public PartnerOverview overview() {
        return overview;
    }

    public java.util.List<nl.zorgtafel.core.internal.store.OutboxStore.OutboxEntry> deadLetters(String partnerId) {
        return transactions.run(store -> store.outbox().deadLetters(partnerId));
    }

    /** Makes a partner's dead letters pending again; returns how many. */
    public int replayDeadLetters(String partnerId) {
        int replayed = transactions.run(store -> store.outbox().replayDeadLetters(partnerId, clock.instant()));
        dispatcher.drive();
        return replayed;
    }

    /** The largest message {@code partnerId} may send: its own setting, else the core's; at most what the inbox holds. */
    public long maxMessageBytes(String partnerId) {
        return Math.min(Inbox.CAPACITY_BYTES, partners.partner(partnerId).map(PartnerSettings::maxMessageBytes)
                .filter(bytes -> bytes > 0).orElse(maxMessageBytes));
    }

    /** The audit trail (NEN 7513). */
    public AuditTrail audit() {
        return audit;
    }

    /** Subject access, erasure and retention. */
    public PrivacyOffice privacy() {
        return privacy;
    }

    public RateLimiter rateLimiter() {
        return rateLimiter;
    }
}
