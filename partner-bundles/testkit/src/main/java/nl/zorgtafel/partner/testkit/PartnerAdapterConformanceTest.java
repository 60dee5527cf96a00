package nl.zorgtafel.partner.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import nl.zorgtafel.api.partner.Fault;
import nl.zorgtafel.api.partner.InboundMessage;
import nl.zorgtafel.api.partner.InboundResult;
import nl.zorgtafel.api.partner.InboundResult.Rejected;
import nl.zorgtafel.api.partner.InboundResult.Translated;
import nl.zorgtafel.api.partner.Notification;
import nl.zorgtafel.api.partner.PartnerAdapter;
import nl.zorgtafel.api.partner.RenderedMessage;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.ThrowingSupplier;

/**
 * The conformance suite every partner adapter runs. An adapter module's test extends it and
 * says which adapter, which media type, which format family and where its samples are; the
 * suite then turns every sample and every hostile input into a test of its own.
 *
 * <p>What it holds every adapter to:
 * <ul>
 *   <li>each valid sample translates to exactly the events in its {@code .expected.txt}
 *       (see {@link CanonicalEventText}), and {@code messageId()} finds an id in it;</li>
 *   <li>each invalid sample is rejected as a whole, with at least a fault at each location
 *       its {@code .faults.txt} names;</li>
 *   <li>no SPI method throws on any sample or hostile input;</li>
 *   <li>no fault or ignored part shows a nine-digit number from the input, nor a BSN;</li>
 *   <li>the same input gives the same result twice;</li>
 *   <li>hostile input (too big, too deep, entity attacks, broken bytes, empty, binary) is
 *       rejected without hanging;</li>
 *   <li>a notification of every kind renders to at least one non-empty message with no BSN;</li>
 *   <li>fuzzing: 300 damaged samples and 200 arbitrary byte arrays, drawn from a fixed seed
 *       (see {@link FuzzCase}), are each translated or rejected, never thrown on, the same way
 *       twice, with no BSN or number from the input in any fault or ignored part.</li>
 * </ul>
 */
public abstract class PartnerAdapterConformanceTest {

    /** Only a guard against a hang, so that the build fails instead of stalling: not a speed check. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);
    private static final int DAMAGED_SAMPLE_TRIES = 300;
    private static final int ARBITRARY_BYTES_TRIES = 200;

    /** The adapter under test, constructed as its component would construct it. */
    protected abstract PartnerAdapter adapter();

    /** The inbound media type the samples are sent with, e.g. {@code application/fhir+json}. */
    protected abstract String mediaType();

    /** The format family, which decides the hostile inputs. */
    protected abstract MediaFamily mediaFamily();

    /** The folder holding {@code valid/} and {@code invalid/}, usually {@code src/test/resources/samples}. */
    protected abstract Path sampleFolder();

    /**
     * Whether the format itself carries a message id that {@code messageId()} must find.
     * A format without one (a CSV batch) answers {@code false}; its adapter returns empty and
     * the core identifies the message by its {@code Idempotency-Key} or the body's SHA-256.
     */
    protected boolean formatCarriesMessageId() {
        return true;
    }

    /** The charset the samples are declared in. */
    protected Charset charset() {
        return StandardCharsets.UTF_8;
    }

    @Test
    public final void adapterNamesItsPartnerAndReadsTheMediaType() {
        PartnerAdapter adapter = adapter();
        assertThat(adapter.partnerId()).isNotBlank();
        assertThat(adapter.inboundMediaTypes()).contains(mediaType());
    }

    @TestFactory
    public final Stream<DynamicTest> eachValidSampleTranslatesToExactlyTheExpectedEvents() {
        PartnerAdapter adapter = adapter();
        return Sample.valid(sampleFolder()).stream().map(sample -> dynamicTest(sample.file(), () -> {
            InboundMessage message = message(adapter, sample.body());

            InboundResult result = translate(adapter, message);

            assertThat(result).as("%s is translated", sample).isInstanceOf(Translated.class);
            Translated translated = (Translated) result;
            assertThat(CanonicalEventText.lines(translated.events()))
                    .as("events of %s", sample)
                    .containsExactlyElementsOf(sample.expectations());
            if (formatCarriesMessageId()) {
                assertThat(messageId(adapter, message)).as("messageId() of %s", sample).isPresent();
            } else {
                assertThat(messageId(adapter, message)).as("messageId() of %s", sample).isEmpty();
            }
            assertNothingLeaked(sample + ": ignored part", translated.ignored(), message);
        }));
    }

    @TestFactory
    public final Stream<DynamicTest> eachInvalidSampleIsRejectedNamingItsFaults() {
        PartnerAdapter adapter = adapter();
        return Sample.invalid(sampleFolder()).stream().map(sample -> dynamicTest(sample.file(), () -> {
            assertThat(sample.expectations()).as("the faults file of %s names a location", sample).isNotEmpty();
            InboundMessage message = message(adapter, sample.body());

            InboundResult result = translate(adapter, message);
            messageId(adapter, message);

            assertRejected(result, sample.toString());
            List<String> locations = ((Rejected) result).faults().stream().map(Fault::location).toList();
            List<String> missing = sample.expectations().stream()
                    .filter(expected -> locations.stream().noneMatch(location -> location.contains(expected)))
                    .toList();
            assertThat(missing).as("fault locations of %s: %s", sample, locations).isEmpty();
            assertNothingLeaked(sample + ": fault text", faultTexts((Rejected) result), message);
        }));
    }

    @TestFactory
    public final Stream<DynamicTest> translatingTheSameSampleTwiceGivesTheSameResult() {
        PartnerAdapter adapter = adapter();
        Stream<Sample> samples = Stream.concat(
                Sample.valid(sampleFolder()).stream(), Sample.invalid(sampleFolder()).stream());
        return samples.map(sample -> dynamicTest(sample.file(), () -> {
            InboundResult first = translate(adapter, message(adapter, sample.body().clone()));
            InboundResult second = translate(adapter, message(adapter, sample.body().clone()));

            assertThat(second).as("second translation of %s", sample).isEqualTo(first);
        }));
    }

    @TestFactory
    public final Stream<DynamicTest> hostileInputIsRejectedSafely() {
        PartnerAdapter adapter = adapter();
        byte[] validSample = Sample.valid(sampleFolder()).get(0).body();
        return HostileInput.forFamily(mediaFamily(), charset(), validSample).stream()
                .map(input -> dynamicTest(input.name(), () -> {
                    InboundMessage message = message(adapter, input.body().get());

                    InboundResult result = translate(adapter, message);
                    messageId(adapter, message);

                    assertRejected(result, input.name());
                    List<String> texts = faultTexts((Rejected) result);
                    assertThat(texts).as("faults of %s", input)
                            .noneMatch(text -> text.contains(HostileInput.EXTERNAL_ENTITY_MARKER));
                    assertNothingLeaked(input + ": fault text", texts, message);
                }));
    }

    @TestFactory
    public final Stream<DynamicTest> everyNotificationKindRendersWithoutABsn() {
        PartnerAdapter adapter = adapter();
        return SampleNotifications.oneOfEachKind(adapter.partnerId()).stream()
                .map(notification -> dynamicTest(SampleNotifications.describe(notification), () -> {
                    List<RenderedMessage> rendered = render(adapter, notification);

                    assertThat(rendered).as("messages rendered for %s", notification).isNotEmpty();
                    for (RenderedMessage message : rendered) {
                        assertThat(message.mediaType()).as("media type of %s", message).isNotBlank();
                        assertThat(message.body()).as("body of %s", message).isNotEmpty();
                        String body = new String(message.body(), StandardCharsets.ISO_8859_1);
                        assertThat(PersonalNumbers.leakedInto(body, new byte[0]))
                                .as("BSN-shaped numbers in %s", message).isEmpty();
                    }
                }));
    }

    private InboundMessage message(PartnerAdapter adapter, byte[] body) {
        return new InboundMessage(adapter.partnerId(), mediaType(), charset(), body);
    }

    private static InboundResult translate(PartnerAdapter adapter, InboundMessage message) {
        return guarded("translate()", () -> adapter.translate(message));
    }

    private static Optional<String> messageId(PartnerAdapter adapter, InboundMessage message) {
        return guarded("messageId()", () -> adapter.messageId(message));
    }

    private static List<RenderedMessage> render(PartnerAdapter adapter, Notification notification) {
        return guarded("render()", () -> adapter.render(notification));
    }

    /** Calls the adapter: it must return, without throwing, something that is not null. */
    private static <T> T guarded(String call, ThrowingSupplier<T> adapterCall) {
        T result = assertTimeoutPreemptively(HANG_GUARD,
                () -> assertDoesNotThrow(adapterCall, call + " threw"), call + " did not return");
        assertThat(result).as("%s result", call).isNotNull();
        return result;
    }

    // ---- fuzzing: damaged samples and arbitrary bytes, from a fixed seed (see FuzzCase) ----

    /**
     * A damaged message is translated or rejected, never thrown on; the same message gives the
     * same result twice; no fault or ignored part shows a BSN or a nine-digit number from it.
     */
    @TestFactory
    public final Stream<DynamicTest> aDamagedMessageIsTranslatedOrRejectedNeverThrownNorLeaked() {
        PartnerAdapter adapter = adapter();
        List<byte[]> samples = Sample.valid(sampleFolder()).stream().map(Sample::body).toList();
        return FuzzCase.cases("damaged sample", DAMAGED_SAMPLE_TRIES).map(fuzzCase -> dynamicTest(fuzzCase.toString(),
                () -> fuzz(adapter, fuzzCase, FuzzedMessages.damaged(samples, fuzzCase.random()))));
    }

    @TestFactory
    public final Stream<DynamicTest> arbitraryBytesAreRejectedOrTranslatedNeverThrown() {
        PartnerAdapter adapter = adapter();
        return FuzzCase.cases("arbitrary bytes", ARBITRARY_BYTES_TRIES).map(fuzzCase -> dynamicTest(fuzzCase.toString(),
                () -> fuzz(adapter, fuzzCase, FuzzedMessages.arbitraryBytes(fuzzCase.random()))));
    }

    /**
     * Checks one fuzzed message. A failure names the case (its seed and index), what went wrong
     * and the shortest prefix of the message that fails as well: lengths, never content, as a
     * damaged sample holds the sample's (test) BSNs and names.
     */
    private void fuzz(PartnerAdapter adapter, FuzzCase fuzzCase, byte[] body) {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            try {
                check(adapter, body);
            } catch (AssertionError failure) {
                int shortest = FuzzedMessages.shortestFailingPrefix(body, prefix -> fails(adapter, prefix));
                throw new AssertionError(("%s: %s; the shortest prefix found to fail is %d of its %d bytes"
                        + " (rerun with -D%s=%d)").formatted(fuzzCase, failure.getMessage(), shortest, body.length,
                        FuzzCase.SEED_PROPERTY, fuzzCase.seed()), failure);
            }
        }, () -> fuzzCase + ": the adapter did not return");
    }

    private boolean fails(PartnerAdapter adapter, byte[] body) {
        try {
            check(adapter, body);
            return false;
        } catch (AssertionError failure) {
            return true;
        }
    }

    /** The rules for a fuzzed message; every failure message leaves out the message's content. */
    private void check(PartnerAdapter adapter, byte[] body) {
        InboundMessage message = message(adapter, body);
        answer("messageId()", () -> adapter.messageId(message));
        InboundResult first = answer("translate()", () -> adapter.translate(message));
        InboundResult second = answer("translate() a second time", () -> adapter.translate(message));
        assertThat(second).withFailMessage("the second translation differs from the first").isEqualTo(first);
        if (first instanceof Rejected rejected) {
            assertThat(rejected.faults()).withFailMessage("rejected without a fault").isNotEmpty();
            assertNothingLeaked("fault text", faultTexts(rejected), message);
        } else if (first instanceof Translated translated) {
            assertNothingLeaked("ignored part", translated.ignored(), message);
        }
    }

    /**
     * Calls the adapter: it must return something that is not null. A throw fails with the
     * exception's type and stack trace, not its message, which may quote the input.
     */
    private static <T> T answer(String call, Callable<T> adapterCall) {
        T result;
        try {
            result = adapterCall.call();
        } catch (Exception | Error thrown) {
            AssertionError failure = new AssertionError(call + " threw " + thrown.getClass().getName());
            failure.setStackTrace(thrown.getStackTrace());
            throw failure;
        }
        assertThat(result).withFailMessage("%s returned null", call).isNotNull();
        return result;
    }

    /**
     * No text shows a nine-digit number from the input nor a BSN. A failure says which text
     * by its place, not what it holds: printing the leaked number would leak it again.
     */
    private static void assertNothingLeaked(String what, List<String> texts, InboundMessage message) {
        for (int i = 0; i < texts.size(); i++) {
            assertThat(PersonalNumbers.leakedInto(texts.get(i), message.body()))
                    .withFailMessage("%s %d of %d shows a BSN or a nine-digit number from the input", what, i + 1,
                            texts.size())
                    .isEmpty();
        }
    }

    private static void assertRejected(InboundResult result, String what) {
        if (result instanceof Translated translated) {
            assertThat(result).as("%s is rejected, yet translated to %s", what,
                    CanonicalEventText.lines(translated.events())).isInstanceOf(Rejected.class);
        }
    }

    /** Each fault's location, then its problem. */
    private static List<String> faultTexts(Rejected rejected) {
        List<String> texts = new ArrayList<>();
        for (Fault fault : rejected.faults()) {
            texts.add(fault.location());
            texts.add(fault.problem());
        }
        return texts;
    }
}
