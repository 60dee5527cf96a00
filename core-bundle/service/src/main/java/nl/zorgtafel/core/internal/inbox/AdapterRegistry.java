package nl.zorgtafel.core.internal.inbox;

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
 */
public final class AdapterRegistry {

    private final Map<String, PartnerAdapter> adapters = new ConcurrentHashMap<>();
    private final Map<PartnerAdapter, String> versions = new ConcurrentHashMap<>();
    private final List<Consumer<String>> arrivalListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> departureListeners = new CopyOnWriteArrayList<>();

    public void arrived(PartnerAdapter adapter) {
        arrived(adapter, "unknown");
    }

    /** An adapter arrived; {@code version} is its bundle's version, for operators. */
    public void arrived(PartnerAdapter adapter, String version) {
        versions.put(adapter, version);
        adapters.put(adapter.partnerId(), adapter);
        arrivalListeners.forEach(listener -> listener.accept(adapter.partnerId()));
    }

    /** Forgets the adapter, unless another one for the same partner replaced it already. */
    public void departed(PartnerAdapter adapter) {
        boolean gone = adapters.remove(adapter.partnerId(), adapter);
        versions.remove(adapter);
        if (gone) {
            departureListeners.forEach(listener -> listener.accept(adapter.partnerId()));
        }
    }

    /** Called with the partner id when a partner's adapter leaves and none replaced it. */
    public void onDeparture(Consumer<String> listener) {
        departureListeners.add(listener);
    }

    /** The version of the partner's present adapter. */
    public Optional<String> versionFor(String partnerId) {
        return adapterFor(partnerId).map(adapter -> versions.getOrDefault(adapter, "unknown"));
    }

    public Optional<PartnerAdapter> adapterFor(String partnerId) {
        return Optional.ofNullable(adapters.get(partnerId));
    }

    public Set<String> presentPartners() {
        return Set.copyOf(adapters.keySet());
    }

    public void onArrival(Consumer<String> listener) {
        arrivalListeners.add(listener);
    }
}
