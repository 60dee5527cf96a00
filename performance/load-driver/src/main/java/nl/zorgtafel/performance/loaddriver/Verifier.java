package nl.zorgtafel.performance.loaddriver;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The checks after the load: did every acknowledged message end where it should, did any
 * message have a second effect, and did every notification the platform made reach its
 * partner (once or more).
 */
final class Verifier {

    /** Where one distinct message ended, by the platform's own account. */
    enum Fate {
        PROCESSED, REJECTED_AS_MEANT, LOST, STILL_PENDING, WRONGLY_REJECTED, BAD_ACCEPTED, NOT_ACKNOWLEDGED
    }

    /** One distinct message (partner + message id), its attempts and where it ended. */
    record Checked(PartnerMessage message, List<LoadRun.Attempt> attempts, Fate fate, String finalStatus,
                   long firstAcknowledgedDueNanos, boolean repeatDisagrees) {
    }

    /** The inbound side. */
    record Inbound(Map<Fate, Long> fates, long distinctMessages, long repeatsSent, long repeatsDisagreeing,
                   List<Checked> checked, long expectedEntries, long missingEntries, long duplicatedEntries,
                   long unexpectedEntries, long entriesOfUnacknowledged, List<String> examples) {
    }

    /** The outbound side. {@code lost} is what the platform made and no endpoint received. */
    record Outbound(long created, long pendingBefore, long pendingAfter, long deadLettersAdded, long receivedUnique,
                    long receivedTotal, long duplicates, long lost, boolean settled, long settleMillis,
                    Map<String, Map<String, Object>> perPartner) {
    }

    private final PlatformClient platform;
    private final Duration settleTimeout;

    Verifier(PlatformClient platform, Duration settleTimeout) {
        this.platform = platform;
        this.settleTimeout = settleTimeout;
    }

    /** Waits until the platform is UP and nothing waits in any inbox or outbox, or the timeout. */
    long settle(long deadlineNanos) throws IOException, InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() < deadlineNanos) {
            if (platform.healthUp()) {
                Optional<List<PlatformClient.PartnerState>> partners = platform.partners();
                if (partners.isPresent() && partners.get().stream()
                        .allMatch(p -> p.inboxPending() == 0 && p.outboxPending() == 0)) {
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                }
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
        }
        return -1;
    }

    Inbound inbound(List<LoadRun.Attempt> attempts, CaseCensus after) throws InterruptedException {
        Map<String, List<LoadRun.Attempt>> byMessage = new LinkedHashMap<>();
        for (LoadRun.Attempt attempt : attempts) {
            byMessage.computeIfAbsent(attempt.message().partnerId() + '\n' + attempt.message().messageId(),
                    key -> new ArrayList<>()).add(attempt);
        }
        long deadline = System.nanoTime() + settleTimeout.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(16, LoadRun.daemon("verify-inbound"));
        List<Checked> checked = new ArrayList<>();
        try {
            List<Future<Checked>> futures = new ArrayList<>();
            for (List<LoadRun.Attempt> group : byMessage.values()) {
                futures.add(pool.submit(() -> check(group, deadline)));
            }
            for (Future<Checked> future : futures) {
                try {
                    checked.add(future.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("checking a message failed", e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        Map<Fate, Long> fates = new LinkedHashMap<>();
        for (Fate fate : Fate.values()) {
            fates.put(fate, 0L);
        }
        long repeats = 0;
        long disagreeing = 0;
        Set<String> expected = new HashSet<>();
        Set<String> ofUnacknowledged = new HashSet<>();
        List<String> examples = new ArrayList<>();
        for (Checked check : checked) {
            fates.merge(check.fate(), 1L, Long::sum);
            repeats += check.attempts().stream().filter(LoadRun.Attempt::repeat).count();
            if (check.repeatDisagrees()) {
                disagreeing++;
            }
            if (check.fate() == Fate.PROCESSED) {
                expected.addAll(check.message().references());
            } else if (check.fate() == Fate.NOT_ACKNOWLEDGED && !check.message().bad()) {
                ofUnacknowledged.addAll(check.message().references());
            }
            if (check.fate() != Fate.PROCESSED && check.fate() != Fate.REJECTED_AS_MEANT
                    && check.fate() != Fate.NOT_ACKNOWLEDGED && examples.size() < 20) {
                examples.add(check.fate() + " " + check.message().partnerId() + " " + check.message().messageId()
                        + " answered " + check.attempts().stream().map(a -> a.status() + (a.answeredStatus() == null
                        ? "" : " " + a.answeredStatus())).toList() + ", finally " + check.finalStatus());
            }
        }
        long missing = expected.stream().filter(reference -> !after.runEntries().containsKey(reference)).count();
        long duplicated = after.runEntries().values().stream().filter(count -> count > 1).count();
        long unexpected = after.runEntries().keySet().stream()
                .filter(reference -> !expected.contains(reference) && !ofUnacknowledged.contains(reference)).count();
        long ofUnacked = ofUnacknowledged.stream().filter(after.runEntries()::containsKey).count();
        return new Inbound(fates, checked.size(), repeats, disagreeing, checked, expected.size(), missing, duplicated,
                unexpected, ofUnacked, examples);
    }

    private Checked check(List<LoadRun.Attempt> attempts, long deadline) throws InterruptedException {
        PartnerMessage message = attempts.get(0).message();
        Optional<LoadRun.Attempt> firstAck = attempts.stream().filter(LoadRun.Attempt::acknowledged).findFirst();
        boolean answered400 = attempts.stream().anyMatch(a -> a.status() == 400);
        if (firstAck.isEmpty()) {
            Fate fate = answered400 ? (message.bad() ? Fate.REJECTED_AS_MEANT : Fate.WRONGLY_REJECTED)
                    : Fate.NOT_ACKNOWLEDGED;
            return new Checked(message, attempts, fate, answered400 ? "400" : "-", -1, false);
        }
        String finalStatus = finalStatus(message.partnerId(), firstAck.get().answeredId(), deadline);
        Fate fate = switch (finalStatus) {
            case "PROCESSED" -> message.bad() ? Fate.BAD_ACCEPTED : Fate.PROCESSED;
            case "REJECTED" -> message.bad() ? Fate.REJECTED_AS_MEANT : Fate.WRONGLY_REJECTED;
            case "PENDING" -> Fate.STILL_PENDING;
            default -> Fate.LOST;
        };
        boolean disagrees = false;
        for (LoadRun.Attempt other : attempts) {
            // only answers about the message count; no answer, 5xx and a 404 while starting are counted elsewhere
            if (other == firstAck.get() || !(other.acknowledged() || other.status() == 400)) {
                continue;
            }
            String otherFinal = other.acknowledged()
                    ? (other.answeredId() != null && other.answeredId().equals(firstAck.get().answeredId())
                    ? finalStatus : finalStatus(message.partnerId(), other.answeredId(), deadline))
                    : "REJECTED";
            if (!otherFinal.equals(finalStatus)) {
                disagrees = true;
            }
        }
        return new Checked(message, attempts, fate, finalStatus, firstAck.get().dueNanos(), disagrees);
    }

    /** PROCESSED, REJECTED, PENDING (still, at the deadline), or NOT_FOUND / HTTP nnn. */
    private String finalStatus(String partnerId, String messageId, long deadline) throws InterruptedException {
        if (messageId == null) {
            return "NO_ID_IN_ANSWER";
        }
        String last = "PENDING";
        do {
            try {
                PlatformClient.Answer answer = platform.status(partnerId, messageId);
                if (answer.status() == 404) {
                    return "NOT_FOUND";
                }
                if (answer.status() == 200) {
                    last = answer.text("status");
                    if (!"PENDING".equals(last)) {
                        return last;
                    }
                } else {
                    last = "HTTP " + answer.status();
                }
            } catch (IOException e) {
                last = e.getClass().getSimpleName();
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        } while (System.nanoTime() < deadline);
        return last;
    }

    /**
     * @param before the census before the run; {@code after} the one after it settled
     * @param partnersBefore the partner overview before the run
     */
    Outbound outbound(CaseCensus before, CaseCensus after, List<PlatformClient.PartnerState> partnersBefore,
                      List<PlatformClient.PartnerState> partnersAfter, FakePartnerEndpoints endpoints,
                      Map<String, FileDropCounter> files, boolean settled, long settleMillis) throws IOException {
        long created = (after.matchNotifications() - before.matchNotifications())
                + (after.crisisNotifications() - before.crisisNotifications());
        long pendingBefore = partnersBefore.stream().mapToLong(PlatformClient.PartnerState::outboxPending).sum();
        long pendingAfter = partnersAfter.stream().mapToLong(PlatformClient.PartnerState::outboxPending).sum();
        long deadAdded = partnersAfter.stream().mapToLong(PlatformClient.PartnerState::deadLetters).sum()
                - partnersBefore.stream().mapToLong(PlatformClient.PartnerState::deadLetters).sum();
        long unique = 0;
        long total = 0;
        long duplicates = 0;
        Map<String, Map<String, Object>> perPartner = new LinkedHashMap<>();
        Map<String, PlatformClient.PartnerState> states = new HashMap<>();
        partnersAfter.forEach(state -> states.put(state.partnerId(), state));
        for (String partner : endpoints.partners()) {
            FakePartnerEndpoints.Counts counts = endpoints.counts(partner);
            unique += counts.unique();
            total += counts.received();
            duplicates += counts.duplicates();
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("channel", "http");
            line.put("receivedUnique", counts.unique());
            line.put("receivedTotal", counts.received());
            line.put("duplicates", counts.duplicates());
            line.put("withoutIdempotencyKey", counts.withoutKey());
            putState(line, states.get(partner));
            perPartner.put(partner, line);
        }
        for (Map.Entry<String, FileDropCounter> file : files.entrySet()) {
            FileDropCounter.Counts counts = file.getValue().counts();
            unique += counts.unique();
            total += counts.appearances();
            duplicates += Math.max(0, counts.duplicates());
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("channel", "file");
            line.put("receivedUnique", counts.unique());
            line.put("receivedTotal", counts.appearances());
            line.put("duplicates", counts.duplicates() < 0 ? "unknown (watch events overflowed)" : counts.duplicates());
            putState(line, states.get(file.getKey()));
            perPartner.put(file.getKey(), line);
        }
        long lost = created + pendingBefore - pendingAfter - deadAdded - unique;
        return new Outbound(created, pendingBefore, pendingAfter, deadAdded, unique, total, duplicates, lost, settled,
                settleMillis, perPartner);
    }

    private static void putState(Map<String, Object> line, PlatformClient.PartnerState state) {
        if (state == null) {
            return;
        }
        line.put("adapter", state.adapter());
        line.put("outboxPending", state.outboxPending());
        line.put("deadLetters", state.deadLetters());
        line.put("lastError", state.lastError());
    }
}
