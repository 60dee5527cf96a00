package nl.zorgtafel.performance.loaddriver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The bundles of a running Karaf at one moment: from a Gogo script, each bundle's id, state,
 * last modification and the ids of its registered services; and the plain
 * {@code bundle:list -t 0} lines for the record. Comparing two snapshots shows which
 * bundles a swap touched besides the swapped one: a refreshed or restarted bundle registers
 * its services again under new ids, an updated or reinstalled one has a new modification
 * time or id.
 */
record BundleSnapshot(Map<Long, Bundle> bundles, List<String> listing) {

    /** One bundle. {@code state} is the OSGi state number (32 = ACTIVE, 4 = RESOLVED). */
    record Bundle(long id, int state, long lastModified, String symbolicName, List<Long> serviceIds) {
    }

    static BundleSnapshot parse(String script, String listing) {
        Map<Long, Bundle> bundles = new LinkedHashMap<>();
        for (String line : script.split("\\R")) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length < 6 || !parts[0].equals("BND")) {
                continue;
            }
            List<Long> services = new ArrayList<>();
            String serviceList = parts[5].startsWith("S") ? parts[5].substring(1) : "";
            for (String id : serviceList.split(",")) {
                if (!id.isBlank()) {
                    services.add(Long.parseLong(id.strip()));
                }
            }
            long id = Long.parseLong(parts[1]);
            bundles.put(id, new Bundle(id, Integer.parseInt(parts[2]), Long.parseLong(parts[3]), parts[4],
                    List.copyOf(services)));
        }
        List<String> lines = new ArrayList<>();
        for (String line : listing.split("\\R")) {
            if (line.matches("\\s*\\d+\\s*\\|.*")) {
                lines.add(line.strip());
            }
        }
        return new BundleSnapshot(bundles, List.copyOf(lines));
    }

    /**
     * What changed from this snapshot to {@code after}, for every bundle but those named
     * {@code swapped}: one line per bundle that appeared, disappeared, changed state or
     * modification time, or registered its services again.
     */
    List<String> changesTo(BundleSnapshot after, String swapped) {
        List<String> changes = new ArrayList<>();
        for (Bundle before : bundles.values()) {
            if (before.symbolicName().equals(swapped)) {
                continue;
            }
            Bundle now = after.bundles().get(before.id());
            if (now == null) {
                changes.add(before.symbolicName() + " [" + before.id() + "] disappeared");
                continue;
            }
            List<String> what = new ArrayList<>();
            if (!now.symbolicName().equals(before.symbolicName())) {
                what.add("is now " + now.symbolicName());
            }
            if (now.state() != before.state()) {
                what.add("state " + stateName(before.state()) + " -> " + stateName(now.state()));
            }
            if (now.lastModified() != before.lastModified()) {
                what.add("modified (updated or reinstalled)");
            }
            if (!Objects.equals(now.serviceIds(), before.serviceIds())) {
                what.add(before.serviceIds().isEmpty() || now.serviceIds().isEmpty()
                        ? "services " + before.serviceIds() + " -> " + now.serviceIds()
                        : "services registered again (restarted or refreshed)");
            }
            if (!what.isEmpty()) {
                changes.add(before.symbolicName() + " [" + before.id() + "] " + String.join(", ", what));
            }
        }
        for (Bundle now : after.bundles().values()) {
            if (!bundles.containsKey(now.id()) && !now.symbolicName().equals(swapped)) {
                changes.add(now.symbolicName() + " [" + now.id() + "] appeared");
            }
        }
        return changes;
    }

    /** Whether a bundle of that symbolic name is installed. */
    boolean has(String symbolicName) {
        return bundles.values().stream().anyMatch(bundle -> bundle.symbolicName().equals(symbolicName));
    }

    static String stateName(int state) {
        return switch (state) {
            case 1 -> "UNINSTALLED";
            case 2 -> "INSTALLED";
            case 4 -> "RESOLVED";
            case 8 -> "STARTING";
            case 16 -> "STOPPING";
            case 32 -> "ACTIVE";
            default -> Integer.toString(state);
        };
    }
}
