package nl.zorgtafel.performance.loaddriver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * One adapter swap during the run, done as an operator does it in the Karaf shell:
 * <ul>
 * <li>{@code stop-start}: {@code bundle:stop}, a pause, {@code bundle:start};</li>
 * <li>{@code update}: {@code bundle:update <bsn> file:<jar>} (never {@code -r});</li>
 * <li>{@code reinstall}: {@code feature:uninstall zorgtafel-partner-<id>}, a pause,
 *     {@code feature:install zorgtafel-partner-<id>} (the distribution has
 *     {@code autoRefresh=false}). If the uninstall leaves the bundle in place (the feature
 *     is still required by another installed feature), that is reported and the bundle is
 *     uninstalled and installed again directly, so that the swap still happens.</li>
 * <li>{@code deploy}: the adapter's jar with its micro version one higher is moved into
 *     {@code deploy/}, where Karaf installs it beside the shipped one; once the platform
 *     reports the new version serving, a pause, then the file is deleted (the rollback) and
 *     the shipped version serves again.</li>
 * </ul>
 * It ends when the platform reports the adapter ACTIVE again. The bundles are listed before
 * and after, and any bundle other than the swapped one that changed is reported.
 */
final class SwapScenario {

    /** The kinds of swap. */
    enum Kind {
        STOP_START("stop-start"), UPDATE("update"), REINSTALL("reinstall"), DEPLOY("deploy");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        static Kind of(String text) {
            for (Kind kind : values()) {
                if (kind.label.equals(text.toLowerCase(Locale.ROOT))) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown swap " + text
                    + "; known: stop-start, update, reinstall, deploy");
        }
    }

    /** A swap to do at an offset into the run. */
    record Plan(Kind kind, Duration at) {
    }

    /** What a swap did. Times are on the driver's nanosecond clock. */
    record Result(Kind kind, Duration plannedAt, long startNanos, long endNanos, List<KarafControl.CommandResult> commands,
                  boolean adapterBack, String problem, String blocked, List<String> otherBundlesChanged,
                  List<String> listingBefore, List<String> listingAfter) {

        long millis() {
            return TimeUnit.NANOSECONDS.toMillis(endNanos - startNanos);
        }
    }

    private final KarafControl karaf;
    private final PlatformClient platform;
    private final String partner;
    private final Path updateJar;
    private final Duration pause;
    private final Duration quiet;

    /**
     * @param quiet how long after the swap the bundles are listed again: after the window in
     *     which its requests are measured, so that listing does not weigh on them
     */
    SwapScenario(KarafControl karaf, PlatformClient platform, String partner, Path updateJar, Duration pause,
                 Duration quiet) {
        this.quiet = quiet;
        this.karaf = karaf;
        this.platform = platform;
        this.partner = partner;
        this.updateJar = updateJar;
        this.pause = pause;
    }

    String bundleName() {
        return "nl.zorgtafel.partner." + partner;
    }

    String featureName() {
        return "zorgtafel-partner-" + partner;
    }

    /** The adapter's jar as the distribution ships it in {@code system/}. */
    static Optional<Path> shippedJar(Path home, String partner) throws IOException {
        Path folder = home.resolve("system/nl/zorgtafel/zorgtafel-partner-" + partner);
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().findFirst();
        }
    }

    Result run(Plan plan) {
        List<KarafControl.CommandResult> commands = new ArrayList<>();
        BundleSnapshot before = null;
        String problem = null;
        String blocked = null;
        long start = System.nanoTime();
        long end = start;
        boolean back = false;
        try {
            before = karaf.snapshot();
            start = System.nanoTime();
            switch (plan.kind()) {
                case STOP_START -> {
                    commands.add(karaf.shell("bundle:stop " + bundleName(), Duration.ofSeconds(60)));
                    waitFor(pause);
                    commands.add(karaf.shell("bundle:start " + bundleName(), Duration.ofSeconds(60)));
                }
                case UPDATE -> commands.add(karaf.shell("bundle:update " + bundleName() + " " + updateJar.toUri(),
                        Duration.ofSeconds(60)));
                case REINSTALL -> blocked = reinstall(commands);
                case DEPLOY -> problem = deployAndRollBack();
            }
            for (KarafControl.CommandResult command : commands) {
                if (command.failed() && problem == null && !command.command().startsWith("feature:uninstall")) {
                    problem = command.command() + ": " + KarafControl.firstLine(command);
                }
            }
            back = waitForAdapter(Duration.ofSeconds(60));
            end = System.nanoTime();
            if (!back && problem == null) {
                problem = "the adapter was not ACTIVE again within 60 s";
            }
        } catch (IOException e) {
            end = System.nanoTime();
            problem = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            end = System.nanoTime();
            problem = "interrupted";
        }
        List<String> changed = new ArrayList<>();
        List<String> listingBefore = before == null ? List.of() : before.listing();
        List<String> listingAfter = List.of();
        try {
            // what a swap sets off in other bundles happens within it; the quiet time is room for stragglers
            waitFor(quiet);
            BundleSnapshot after = karaf.snapshot();
            listingAfter = after.listing();
            if (before != null) {
                changed.addAll(before.changesTo(after, bundleName()));
            }
        } catch (IOException e) {
            changed.add("(could not list the bundles after the swap: " + e.getMessage() + ")");
        }
        return new Result(plan.kind(), plan.at(), start, end, commands, back, problem, blocked, changed,
                listingBefore, listingAfter);
    }

    /**
     * A newer version through {@code deploy/}, then its removal; returns what went wrong, or
     * null. The adapter is never away: the shipped version serves until the new one does.
     */
    private String deployAndRollBack() throws IOException, InterruptedException {
        Optional<String> shipped = servingVersion();
        if (shipped.isEmpty()) {
            return "the platform names no serving version of " + partner + "'s adapter";
        }
        String next = DeployableJar.nextMicro(shipped.get());
        Path dropped = karaf.home().resolve("deploy").resolve("zorgtafel-partner-" + partner + "-load-driver.jar");
        DeployableJar.writeWithVersion(updateJar, next, karaf.home().resolve("data/load-driver"), dropped);
        try {
            if (!waitForVersion(next, Duration.ofSeconds(60))) {
                return "version " + next + " did not serve within 60 s of being dropped into deploy/";
            }
            waitFor(pause);
        } finally {
            Files.deleteIfExists(dropped);
        }
        return waitForVersion(shipped.get(), Duration.ofSeconds(60)) ? null
                : "version " + shipped.get() + " did not serve again within 60 s of the removal";
    }

    private Optional<String> servingVersion() throws IOException, InterruptedException {
        return platform.partners().flatMap(states -> states.stream()
                .filter(state -> state.partnerId().equals(partner)).findFirst())
                .map(PlatformClient.PartnerState::adapterVersion);
    }

    private boolean waitForVersion(String version, Duration patience) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (servingVersion().filter(version::equals).isPresent()) {
                return true;
            }
            waitFor(Duration.ofMillis(50));
        }
        return false;
    }

    /** Feature-level reinstall; returns why it could not be done as such, or null. */
    private String reinstall(List<KarafControl.CommandResult> commands) throws IOException {
        String location = location().orElse(null);
        KarafControl.CommandResult uninstall = karaf.shell("feature:uninstall -v " + featureName(),
                Duration.ofSeconds(120));
        commands.add(uninstall);
        if (!installed()) {
            waitFor(pause);
            commands.add(karaf.shell("feature:install -v " + featureName(), Duration.ofSeconds(120)));
            return null;
        }
        String blocked = "feature:uninstall " + featureName() + " left " + bundleName() + " installed ("
                + (uninstall.failed() ? KarafControl.firstLine(uninstall)
                : "the feature is still required by another installed feature")
                + "); reinstalled with bundle:uninstall + bundle:install instead";
        commands.add(karaf.shell("bundle:uninstall " + bundleName(), Duration.ofSeconds(60)));
        waitFor(pause);
        commands.add(karaf.shell("bundle:install -s " + (location == null ? updateJar.toUri() : location),
                Duration.ofSeconds(60)));
        return blocked;
    }

    /** Whether the adapter's bundle is installed, from {@code bundle:list -s}. */
    private boolean installed() throws IOException {
        KarafControl.CommandResult list = karaf.shell("bundle:list -s -t 0 " + bundleName(), Duration.ofSeconds(60));
        return list.output().lines().anyMatch(line -> line.strip().endsWith("| " + bundleName()));
    }

    /** The bundle's location, from {@code bundle:list -l}. */
    private Optional<String> location() throws IOException {
        KarafControl.CommandResult list = karaf.shell("bundle:list -l -t 0 " + bundleName(), Duration.ofSeconds(60));
        for (String line : list.output().split("\\R")) {
            String[] columns = line.split("\\|");
            if (columns.length == 5 && columns[0].strip().matches("\\d+")) {
                return Optional.of(columns[4].strip());
            }
        }
        return Optional.empty();
    }

    private boolean waitForAdapter(Duration patience) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<List<PlatformClient.PartnerState>> partners = platform.partners();
            if (partners.isPresent() && partners.get().stream()
                    .anyMatch(state -> state.partnerId().equals(partner) && state.adapter().equals("ACTIVE"))) {
                return true;
            }
            waitFor(Duration.ofMillis(50));
        }
        return false;
    }

    private static void waitFor(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }
}
