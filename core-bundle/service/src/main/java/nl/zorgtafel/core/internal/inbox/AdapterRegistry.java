package nl.zorgtafel.core.internal.inbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import nl.zorgtafel.api.partner.PartnerAdapter;

/**
 * The partner adapters present right now, by partner id. Adapters come and go at runtime
 * (installed, stopped, upgraded); whoever needs to react to an arrival listens here.
 *
 * <p>Two versions of one partner's adapter may be present at once — a new version dropped
 * into {@code deploy/} beside the one the feature installed. The highest version serves
 * (the later arrival among equal versions); when it leaves, the other serves again, so
 * removing the new version from {@code deploy/} is the rollback.
 */
public final class AdapterRegistry {

    private record Present(PartnerAdapter adapter, String version, long arrival) {
    }

    private static final Comparator<Present> SERVING_ORDER = Comparator
            .comparing(Present::version, AdapterRegistry::compareVersions)
            .thenComparingLong(Present::arrival);

    private final Map<String, List<Present>> present = new HashMap<>();
    /** Read on every message without a lock; written under the registry's lock. */
    private final Map<String, Present> serving = new ConcurrentHashMap<>();
    private final List<Consumer<String>> arrivalListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> departureListeners = new CopyOnWriteArrayList<>();
    private long arrivals;

    public void arrived(PartnerAdapter adapter) {
        arrived(adapter, "unknown");
    }

    /** An adapter arrived; {@code version} is its bundle's version. */
    public void arrived(PartnerAdapter adapter, String version) {
        String partnerId = adapter.partnerId();
        synchronized (this) {
            present.computeIfAbsent(partnerId, id -> new ArrayList<>()).add(new Present(adapter, version, ++arrivals));
            choose(partnerId);
        }
        arrivalListeners.forEach(listener -> listener.accept(partnerId));
    }

    /**
     * Forgets the adapter. If another version of the partner's adapter is still present, it
     * serves from now on (and the arrival listeners hear so); if none is, the departure
     * listeners do.
     */
    public void departed(PartnerAdapter adapter) {
        String partnerId = adapter.partnerId();
        boolean servedBefore;
        boolean othersLeft;
        synchronized (this) {
            List<Present> versions = present.getOrDefault(partnerId, new ArrayList<>());
            servedBefore = serving.containsKey(partnerId) && serving.get(partnerId).adapter() == adapter;
            versions.removeIf(p -> p.adapter() == adapter);
            othersLeft = !versions.isEmpty();
            if (!othersLeft) {
                present.remove(partnerId);
            }
            choose(partnerId);
        }
        if (!othersLeft) {
            departureListeners.forEach(listener -> listener.accept(partnerId));
        } else if (servedBefore) {
            arrivalListeners.forEach(listener -> listener.accept(partnerId));
        }
    }

    private void choose(String partnerId) {
        Optional<Present> best = present.getOrDefault(partnerId, List.of()).stream().max(SERVING_ORDER);
        if (best.isPresent()) {
            serving.put(partnerId, best.get());
        } else {
            serving.remove(partnerId);
        }
    }

    /** Called with the partner id when a partner's last adapter leaves. */
    public void onDeparture(Consumer<String> listener) {
        departureListeners.add(listener);
    }

    /** Called with the partner id when an adapter arrives, or another version takes over. */
    public void onArrival(Consumer<String> listener) {
        arrivalListeners.add(listener);
    }

    /** The version of the partner's serving adapter. */
    public Optional<String> versionFor(String partnerId) {
        return Optional.ofNullable(serving.get(partnerId)).map(Present::version);
    }

    public Optional<PartnerAdapter> adapterFor(String partnerId) {
        return Optional.ofNullable(serving.get(partnerId)).map(Present::adapter);
    }

    public Set<String> presentPartners() {
        return Set.copyOf(serving.keySet());
    }

    /**
     * Compares bundle versions as OSGi does: major, minor and micro as numbers, then the
     * qualifier as text (a build's timestamp qualifier orders builds). Anything that is no
     * version sorts first.
     */
    static int compareVersions(String a, String b) {
        String[] left = a.split("\\.", 4);
        String[] right = b.split("\\.", 4);
        for (int i = 0; i < 3; i++) {
            int byNumber = Long.compare(number(left, i), number(right, i));
            if (byNumber != 0) {
                return byNumber;
            }
        }
        return (left.length > 3 ? left[3] : "").compareTo(right.length > 3 ? right[3] : "");
    }

    private static long number(String[] parts, int index) {
        try {
            return index < parts.length ? Long.parseLong(parts[index]) : 0;
        } catch (NumberFormatException notAVersion) {
            return -1;
        }
    }
}
