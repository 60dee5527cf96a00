package nl.zorgtafel.performance.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import nl.zorgtafel.api.partner.InboundMessage;
import nl.zorgtafel.api.partner.InboundResult;
import nl.zorgtafel.api.partner.PartnerAdapter;
import nl.zorgtafel.partner.ggz.internal.GgzAdapter;
import nl.zorgtafel.partner.horizon.internal.HorizonAdapter;
import nl.zorgtafel.partner.jbrr.internal.JbrrAdapter;
import nl.zorgtafel.partner.mee.internal.MeeAdapter;
import nl.zorgtafel.partner.rvdk.internal.RvdkAdapter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Messages per second one thread translates, per partner adapter, through the SPI exactly
 * as the core calls it. The sample of each partner is a typical message (resources
 * {@code samples/<partner>.<ext>}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TranslationBenchmark {

    /** partner id → the adapter, its media type and its sample. */
    private static final Map<String, Partner> PARTNERS = Map.of(
            "ggz", new Partner(GgzAdapter::new, "application/fhir+json", "samples/ggz.json"),
            "rvdk", new Partner(RvdkAdapter::new, "application/xml", "samples/rvdk.xml"),
            "horizon", new Partner(HorizonAdapter::new, "application/xml", "samples/horizon.xml"),
            "mee", new Partner(MeeAdapter::new, "text/csv", "samples/mee.csv"),
            "jbrr", new Partner(JbrrAdapter::new, "application/json", "samples/jbrr.json"));

    private record Partner(Supplier<PartnerAdapter> adapter, String mediaType, String sample) {
    }

    @Param({"ggz", "rvdk", "horizon", "mee", "jbrr"})
    public String partner;

    private PartnerAdapter adapter;
    private InboundMessage message;

    @Setup(Level.Trial)
    public void load() throws IOException {
        Partner chosen = PARTNERS.get(partner);
        adapter = chosen.adapter().get();
        try (InputStream in = TranslationBenchmark.class.getClassLoader().getResourceAsStream(chosen.sample())) {
            if (in == null) {
                throw new IllegalStateException("sample missing: " + chosen.sample());
            }
            message = new InboundMessage(partner, chosen.mediaType(), StandardCharsets.UTF_8, in.readAllBytes());
        }
        if (!(adapter.translate(message) instanceof InboundResult.Translated)) {
            throw new IllegalStateException("the " + partner + " sample does not translate");
        }
    }

    @Benchmark
    public InboundResult translate() {
        return adapter.translate(message);
    }
}
