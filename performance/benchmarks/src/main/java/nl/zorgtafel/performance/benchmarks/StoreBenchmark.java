package nl.zorgtafel.performance.benchmarks;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.zorgtafel.api.model.Bsn;
import nl.zorgtafel.api.partner.InboundMessage;
import nl.zorgtafel.api.partner.InboundResult;
import nl.zorgtafel.api.partner.PartnerAdapter;
import nl.zorgtafel.core.internal.cases.EventApplier;
import nl.zorgtafel.core.internal.cases.YouthMatcher;
import nl.zorgtafel.core.internal.crypto.Cipher;
import nl.zorgtafel.core.internal.crypto.DatabaseKey;
import nl.zorgtafel.core.internal.crypto.KeyRing;
import nl.zorgtafel.core.internal.crypto.Pseudonymizer;
import nl.zorgtafel.core.internal.outbox.Notifier;
import nl.zorgtafel.core.internal.store.Database;
import nl.zorgtafel.core.internal.store.Store;
import nl.zorgtafel.core.internal.store.Transactions;
import nl.zorgtafel.partner.ggz.internal.GgzAdapter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The platform's own store code on embedded Derby, wired as {@code Core} wires it: the
 * database opened by {@link Database#open} with the boot key from the key file, the column
 * cipher and pseudonyms from the same key ring. Read beside {@link DerbyFloorBenchmark}:
 * the floor is Derby alone, the gap to it is the platform's own work.
 *
 * <p>A longer warm-up and longer iterations than the floor's: Derby compiles each of the
 * core's statements on first use, and an invocation of a hundred applied messages takes
 * near a second on a loaded machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class StoreBenchmark {

    private static final int MESSAGES = 100;
    /** What the inbox processor applies in one transaction (its {@code PER_TRANSACTION}). */
    private static final int PER_TRANSACTION = 25;
    /** Youths the messages rotate over: each gets one case that grows, as in the load driver. */
    private static final int YOUTHS = 200;
    private static final String PARTNER = "ggz";
    private static final String MEDIA_TYPE = "application/fhir+json";
    private static final String[] GIVEN = {"Sanne", "Yara", "Noor", "Fleur", "Imane", "Mila", "Roos", "Naima",
        "Tess", "Eva"};
    private static final String[] FAMILY = {"Verbeek", "Kuipers", "Postma", "Hoekstra", "Willems", "Claassen",
        "Brink", "Scholten", "Lammers", "Timmer", "Wouters", "Koster", "Prins", "Huisman", "Peeters", "Veenstra",
        "Zwart", "Sahin", "Bouzid", "Maas"};

    /** Derby's whole-database encryption as the core boots it, or none: what that encryption costs. */
    @Param({"encrypted", "plain"})
    public String database;

    private final PartnerAdapter ggz = new GgzAdapter();
    private final Clock clock = Clock.system(ZoneId.of("Europe/Amsterdam"));
    private final List<Youth> youths = inventedYouths();
    private Path folder;
    private Database opened;
    private Transactions transactions;
    private Cipher cipher;
    private EventApplier applier;
    private byte[] sample;
    private String sampleSha256;
    private String template;
    private long next;

    private record Youth(String bsn, String given, String family, LocalDate birthDate) {
    }

    @Setup(Level.Trial)
    public void open() throws IOException, SQLException, NoSuchAlgorithmException {
        folder = Files.createTempDirectory("store-benchmark");
        // keys as the core makes them on first start: one file, created with fresh keys
        Path keyFile = folder.resolve("zorgtafel-keys.properties");
        KeyRing keys = KeyRing.openOrCreate(keyFile);
        DatabaseKey bootKey = database.equals("encrypted") ? DatabaseKey.openOrAdd(keyFile) : null;
        opened = Database.open(folder.resolve("database"), folder.resolve("derby.log"), bootKey);
        transactions = new Transactions(opened.dataSource());
        cipher = new Cipher(keys);
        applier = new EventApplier(new YouthMatcher(new Pseudonymizer(keys), cipher), clock, new Notifier());
        sample = resource("samples/ggz.json");
        // the request thread hashes each body before the writer sees it: not the writer's work
        sampleSha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sample));
        template = new String(resource("samples/ggz-template.json"), UTF_8);
        if (!(ggz.translate(ggzMessage(ggzBody(0))) instanceof InboundResult.Translated)) {
            throw new IllegalStateException("the GGZ template does not translate");
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        opened.close(); // shuts Derby's engine down too
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /**
     * The inbox writer's group commit of a hundred messages: each body encrypted (AES-GCM,
     * on the request threads in the platform), then in one transaction looked up under its
     * key, as the writer does to refuse a repeat, and added to the inbox.
     */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public long ingestHundred() {
        List<byte[]> bodies = new ArrayList<>(MESSAGES);
        for (int i = 0; i < MESSAGES; i++) {
            bodies.add(cipher.encrypt(sample));
        }
        long first = next;
        next += MESSAGES;
        return transactions.run(store -> {
            long seq = 0;
            for (int i = 0; i < MESSAGES; i++) {
                String key = "bench-" + (first + i);
                if (store.inboxEntry(PARTNER, key).isEmpty()) {
                    seq = store.addToInbox(PARTNER, key, sampleSha256, MEDIA_TYPE, "UTF-8", bodies.get(i),
                            clock.instant());
                }
            }
            return seq;
        });
    }

    /**
     * The next hundred GGZ messages as the inbox holds them, encrypted. Made before each
     * invocation, outside the measurement: in the platform the inbox writer made them.
     */
    @State(Scope.Thread)
    public static class PendingMessages {

        private final List<byte[]> encrypted = new ArrayList<>(MESSAGES);

        @Setup(Level.Invocation)
        public void fill(StoreBenchmark benchmark) {
            encrypted.clear();
            for (int i = 0; i < MESSAGES; i++) {
                encrypted.add(benchmark.cipher.encrypt(benchmark.ggzBody(benchmark.next++)));
            }
        }
    }

    /**
     * The inbox processor's work on a hundred messages, 25 to a transaction: each
     * decrypted, translated by the GGZ adapter and applied to the case model (youth matched
     * by pseudonym, case found or opened, signal and trajectory recorded). Not counted:
     * reading the pending rows and marking each processed, one indexed row each.
     */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public int applyHundredGgzMessages(PendingMessages inbox) {
        int casesTouched = 0;
        for (int from = 0; from < MESSAGES; from += PER_TRANSACTION) {
            List<byte[]> group = inbox.encrypted.subList(from, from + PER_TRANSACTION);
            casesTouched += transactions.run(store -> {
                int touched = 0;
                for (byte[] body : group) {
                    touched += apply(store, body);
                }
                return touched;
            });
        }
        return casesTouched;
    }

    private int apply(Store store, byte[] encryptedBody) {
        InboundResult result = ggz.translate(ggzMessage(cipher.decrypt(encryptedBody)));
        if (!(result instanceof InboundResult.Translated translated)) {
            throw new IllegalStateException("a benchmark message was rejected: " + result);
        }
        return applier.apply(store, PARTNER, translated.events()).caseIds().size();
    }

    /** Message {@code n}: about youth {@code n} of the rotation, under references no other message has. */
    private byte[] ggzBody(long n) {
        Youth youth = youths.get((int) (n % YOUTHS));
        return template.replace("${id}", "bench-" + n)
                .replace("${bsn}", youth.bsn())
                .replace("${given}", youth.given())
                .replace("${family}", youth.family())
                .replace("${birthDate}", youth.birthDate().toString())
                .getBytes(UTF_8);
    }

    private static InboundMessage ggzMessage(byte[] body) {
        return new InboundMessage(PARTNER, MEDIA_TYPE, UTF_8, body);
    }

    /** Test BSNs ({@code 99999xxxx}, passing the elfproef) with invented names and birth dates. */
    private static List<Youth> inventedYouths() {
        List<Youth> youths = new ArrayList<>(YOUTHS);
        for (int number = 999_990_000; youths.size() < YOUTHS; number++) {
            String bsn = Integer.toString(number);
            if (Bsn.isValid(bsn)) {
                int i = youths.size();
                youths.add(new Youth(bsn, GIVEN[i % GIVEN.length], FAMILY[i / GIVEN.length % FAMILY.length],
                        LocalDate.of(2006, 1, 1).plusDays(i * 17L)));
            }
        }
        return youths;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = StoreBenchmark.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource missing: " + name);
            }
            return in.readAllBytes();
        }
    }
}
