package nl.zorgtafel.performance.loaddriver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The driver's command line. Every option has a default except {@code --karaf-home}; see
 * {@link #USAGE} and the module's README.
 */
record Options(Path karafHome, Double rate, Duration duration, int concurrency, Map<String, Integer> mix,
               List<SwapScenario.Plan> swaps, Duration crashAt, Path report, String swapPartner, Path updateJar,
               double duplicatePercent, double badPercent, double crisisPercent, int youths, long seed,
               Duration floor, Duration ceiling, Duration settleTimeout, Duration swapPause, Duration swapTail,
               Duration requestTimeout, Map<String, Integer> ports, boolean splitBootFeatures, boolean setupOnly,
               boolean stopAfter, String runId, Duration warmup, Integer processingPatienceMillis, boolean help) {

    static final String USAGE = """
            Usage: java -jar load-driver.jar --karaf-home DIR [options]

              --karaf-home DIR        the unpacked distribution to drive (required); it is configured and
                                      started if it is not running
              --rate N|max            messages per second, open loop (default 300); max: closed loop,
                                      every worker sends again as soon as it has an answer
              --duration D            how long to send (default 60s; units ms, s, m)
              --concurrency N         requests in flight at most (default 32)
              --mix P=W,...           partners and their shares (default ggz=40,rvdk=15,horizon=15,mee=10,jbrr=20)
              --swap K@T,...          adapter swaps at offsets into the run; K is stop-start, update, reinstall or deploy
              --crash@T | --crash T   kill -9 the platform at offset T, start it again, time its recovery
              --report FILE           JSON report (default target/load-report.json); a table goes to stdout
              --swap-partner ID       the partner whose adapter is swapped (default ggz)
              --update-jar FILE       the bundle for the update swap (default: the adapter's jar in system/)
              --duplicates PCT        share of messages sent a second time, 0-5 s later (default 5)
              --bad PCT               share of deliberately faulty messages (default 1)
              --crisis PCT            share of signals sent as crisis signals (default 30)
              --youths N              size of the rotating set of test youths (default 200)
              --seed N                seed of the message mix and of the youths (default 42)
              --floor D               how long each floor measurement takes, before and after the load
                                      (default 5s; 0: skip)
              --ceiling D             how long the HTTP ceiling is measured, after the floor and before the
                                      load: closed-loop GET /api/v1/health, --concurrency in flight, after
                                      a second of warm-up (default 5s; 0: skip)
              --warmup D              send the same mix, about other youths, for D first, unmeasured,
                                      and let it settle (default 0)
              --processing-patience-ms N
                                      write processingPatienceMillis = N into etc/nl.zorgtafel.core.cfg:
                                      how long a request waits for processing before it is answered 202
                                      (the platform's default is 10000; 0 answers as soon as it is stored)
              --settle-timeout D      how long to wait at the end for inbox and outbox to empty (default 180s)
              --swap-pause D          how long the adapter stays away in stop-start and reinstall (default 2s)
              --swap-tail D           how long after a swap its requests still count as during it (default 2s)
              --request-timeout D     HTTP timeout of one request (default 30s)
              --ports http=P,ssh=P,rmi-registry=P,rmi-server=P
                                      write these ports into etc/ before starting (only while it is stopped)
              --split-boot-features   make every zorgtafel-partner-<id> feature a root requirement (installs
                                      them one by one, then uninstalls the umbrella feature zorgtafel), so
                                      that feature:uninstall of one adapter can remove it
              --setup-only            configure and start the distribution, then stop the driver
              --stop-after            bin/stop the distribution when done
              --run-id ID             1-15 lower-case letters and digits in every id of the run (default: random)
              --help                  this text
            """;

    static Options parse(String... args) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> flags = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--crash@")) {
                values.put("crash", arg.substring("--crash@".length()));
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
            String name = arg.substring(2);
            String inline = null;
            int equals = name.indexOf('=');
            if (equals > 0) {
                inline = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            switch (name) {
                case "help", "split-boot-features", "setup-only", "stop-after" -> flags.add(name);
                case "karaf-home", "rate", "duration", "concurrency", "mix", "swap", "crash", "report",
                     "swap-partner", "update-jar", "duplicates", "bad", "crisis", "youths", "seed", "floor",
                     "ceiling", "settle-timeout", "swap-pause", "swap-tail", "request-timeout", "ports", "run-id",
                     "warmup", "processing-patience-ms" -> {
                    if (inline == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException("--" + name + " needs a value");
                        }
                        inline = args[++i];
                    }
                    values.put(name, inline);
                }
                default -> throw new IllegalArgumentException("unknown option --" + name);
            }
        }
        boolean help = flags.contains("help");
        if (help) {
            return defaults(null, true);
        }
        String home = values.get("karaf-home");
        if (home == null) {
            throw new IllegalArgumentException("--karaf-home is required");
        }
        String rateText = values.getOrDefault("rate", "300");
        Double rate = rateText.equalsIgnoreCase("max") ? null : positive(Double.parseDouble(rateText), "rate");
        String swapPartner = values.getOrDefault("swap-partner", "ggz");
        if (!MessageMix.PARTNERS.contains(swapPartner)) {
            throw new IllegalArgumentException("--swap-partner must be one of " + MessageMix.PARTNERS);
        }
        Map<String, Integer> ports = ports(values.get("ports"));
        String runId = values.containsKey("run-id") ? values.get("run-id") : randomRunId();
        if (!runId.matches("[a-z0-9]{1,15}")) {
            throw new IllegalArgumentException("--run-id must be 1..15 lower-case letters or digits");
        }
        Integer patience = values.containsKey("processing-patience-ms")
                ? Integer.parseInt(values.get("processing-patience-ms")) : null;
        if (patience != null && patience < 0) {
            throw new IllegalArgumentException("--processing-patience-ms must be 0 or more");
        }
        return new Options(Path.of(home).toAbsolutePath().normalize(), rate,
                duration(values.getOrDefault("duration", "60s")),
                (int) positive(Integer.parseInt(values.getOrDefault("concurrency", "32")), "concurrency"),
                mix(values.getOrDefault("mix", "ggz=40,rvdk=15,horizon=15,mee=10,jbrr=20")),
                swaps(values.get("swap")),
                values.containsKey("crash") ? duration(values.get("crash")) : null,
                Path.of(values.getOrDefault("report", "target/load-report.json")).toAbsolutePath(),
                swapPartner,
                values.containsKey("update-jar") ? Path.of(values.get("update-jar")).toAbsolutePath() : null,
                percent(values.getOrDefault("duplicates", "5"), "duplicates"),
                percent(values.getOrDefault("bad", "1"), "bad"),
                percent(values.getOrDefault("crisis", "30"), "crisis"),
                (int) positive(Integer.parseInt(values.getOrDefault("youths", "200")), "youths"),
                Long.parseLong(values.getOrDefault("seed", "42")),
                duration(values.getOrDefault("floor", "5s")),
                duration(values.getOrDefault("ceiling", "5s")),
                duration(values.getOrDefault("settle-timeout", "180s")),
                duration(values.getOrDefault("swap-pause", "2s")),
                duration(values.getOrDefault("swap-tail", "2s")),
                duration(values.getOrDefault("request-timeout", "30s")),
                ports, flags.contains("split-boot-features"), flags.contains("setup-only"),
                flags.contains("stop-after"), runId, duration(values.getOrDefault("warmup", "0s")), patience, false);
    }

    private static Options defaults(Path home, boolean help) {
        return new Options(home, 300d, Duration.ofSeconds(60), 32, Map.of(), List.of(), null, null, "ggz", null, 5,
                1, 30, 200, 42, Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(180),
                Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(30), Map.of(), false, false, false,
                "help", Duration.ZERO, null, help);
    }

    /** {@code 60s}, {@code 500ms}, {@code 2m}, or a bare number of seconds. */
    static Duration duration(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (value.endsWith("ms")) {
                return nonNegative(Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2))), text);
            }
            if (value.endsWith("s")) {
                return nonNegative(Duration.ofMillis(Math.round(
                        Double.parseDouble(value.substring(0, value.length() - 1)) * 1000)), text);
            }
            if (value.endsWith("m")) {
                return nonNegative(Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)) * 60),
                        text);
            }
            return nonNegative(Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000)), text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a duration: " + text + " (e.g. 60s, 500ms, 2m)");
        }
    }

    static Map<String, Integer> mix(String text) {
        Map<String, Integer> mix = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String[] pair = part.strip().split("=");
            if (pair.length != 2) {
                throw new IllegalArgumentException("--mix wants partner=weight,...: " + part);
            }
            String partner = pair[0].strip();
            if (!MessageMix.PARTNERS.contains(partner)) {
                throw new IllegalArgumentException("unknown partner in --mix: " + partner + "; known: "
                        + MessageMix.PARTNERS);
            }
            mix.put(partner, Integer.parseInt(pair[1].strip()));
        }
        return mix;
    }

    static List<SwapScenario.Plan> swaps(String text) {
        List<SwapScenario.Plan> plans = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return plans;
        }
        for (String part : text.split(",")) {
            String[] pair = part.strip().split("@");
            if (pair.length != 2) {
                throw new IllegalArgumentException("--swap wants kind@offset,...: " + part);
            }
            plans.add(new SwapScenario.Plan(SwapScenario.Kind.of(pair[0].strip()), duration(pair[1])));
        }
        return plans;
    }

    static Map<String, Integer> ports(String text) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return ports;
        }
        for (String part : text.split(",")) {
            String[] pair = part.strip().split("=");
            if (pair.length != 2 || !List.of("http", "ssh", "rmi-registry", "rmi-server").contains(pair[0].strip())) {
                throw new IllegalArgumentException("--ports wants http=P,ssh=P,rmi-registry=P,rmi-server=P: " + part);
            }
            int port = Integer.parseInt(pair[1].strip());
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("not a port: " + port);
            }
            ports.put(pair[0].strip(), port);
        }
        return ports;
    }

    OptionalInt port(String name) {
        Integer port = ports.get(name);
        return port == null ? OptionalInt.empty() : OptionalInt.of(port);
    }

    boolean maxRate() {
        return rate == null;
    }

    private static double positive(double value, String name) {
        if (!(value > 0)) {
            throw new IllegalArgumentException("--" + name + " must be more than zero");
        }
        return value;
    }

    private static double percent(String text, String name) {
        double value = Double.parseDouble(text);
        if (value < 0 || value > 100) {
            throw new IllegalArgumentException("--" + name + " is a percentage, 0-100");
        }
        return value;
    }

    private static Duration nonNegative(Duration duration, String text) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("negative duration: " + text);
        }
        return duration;
    }

    private static String randomRunId() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        java.security.SecureRandom random = new java.security.SecureRandom();
        StringBuilder id = new StringBuilder("r");
        for (int i = 0; i < 5; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }
}
