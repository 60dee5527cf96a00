package nl.zorgtafel.partner.jbrr.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import nl.zorgtafel.api.model.Bsn;
import nl.zorgtafel.api.model.Signal;
import nl.zorgtafel.api.model.SignalCategory;
import nl.zorgtafel.api.model.Urgency;
import nl.zorgtafel.api.model.YouthIdentity;
import nl.zorgtafel.api.partner.Fault;
import nl.zorgtafel.api.partner.InboundMessage;
import nl.zorgtafel.api.partner.InboundResult;
import nl.zorgtafel.api.partner.InboundResult.Rejected;
import nl.zorgtafel.api.partner.InboundResult.Translated;
import nl.zorgtafel.api.partner.PartnerEvent.SignalReported;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CanonicalInboundTest {

    private static final String SIGNAL = """
            {"youth": {"familyName": "Amrani", "givenName": "Nadia", "birthDate": "2000-01-30"},
             "category": "runaway", "observedOn": "2015-05-26"}""";

    private final CanonicalInbound inbound = new CanonicalInbound(new CanonicalJson(), SignalReaderTest.MAY_27_2015);

    private static InboundMessage message(String text) {
        return CanonicalJsonTest.message(text);
    }

    private static String[] copies(int count, String signal) {
        String[] signals = new String[count];
        Arrays.fill(signals, signal);
        return signals;
    }

    private static String withSignals(String messageId, String... signals) {
        return "{\"messageId\": \"" + messageId + "\", \"signals\": [" + String.join(",", signals) + "]}";
    }

    private Translated translated(String text) {
        InboundResult result = inbound.translate(message(text));
        assertThat(result).as("translated").isInstanceOf(Translated.class);
        return (Translated) result;
    }

    private List<Fault> faults(String text) {
        InboundResult result = inbound.translate(message(text));
        assertThat(result).as("rejected").isInstanceOf(Rejected.class);
        return ((Rejected) result).faults();
    }

    @Nested
    class Translating {

        @Test
        void lisasCrisisSignalFromTheCrisisTeam() {
            Translated translated = translated(withSignals("jbrr-cit-2015-0527-001", SignalReaderTest.LISA));

            assertThat(translated.events()).containsExactly(new SignalReported(
                    new YouthIdentity(Bsn.of("999990019"), "Lisa", "de Vries", LocalDate.of(1997, 11, 3)),
                    new Signal("CIT-2015-0412", SignalCategory.PROSTITUTION, Urgency.CRISIS,
                            "Aangetroffen in een bordeel", LocalDate.of(2015, 5, 27))));
            assertThat(translated.ignored()).isEmpty();
        }

        @Test
        void eachSignalIsOneEventInMessageOrder() {
            Translated translated = translated(withSignals("m-1", SignalReaderTest.LISA, SIGNAL));

            assertThat(translated.events()).extracting(e -> e.youth().familyName()).containsExactly("de Vries", "Amrani");
        }

        @Test
        void signalWithoutPartnerReferenceIsReferencedByMessageIdAndPosition() {
            Translated translated = translated(withSignals("jbrr-2015-06-02-007", SIGNAL, SIGNAL));

            assertThat(translated.events()).extracting(e -> ((SignalReported) e).signal().reference())
                    .containsExactly("jbrr-2015-06-02-007/signals[0]", "jbrr-2015-06-02-007/signals[1]");
        }

        @Test
        void sameMessageTwiceGivesTheSameReferences() {
            String message = withSignals("m-7", SIGNAL);

            assertThat(translated(message)).isEqualTo(translated(message));
        }

        @Test
        void messageIdIsStrippedBeforeItMakesAReference() {
            Translated translated = translated(withSignals("  m-8 ", SIGNAL));

            assertThat(((SignalReported) translated.events().get(0)).signal().reference()).isEqualTo("m-8/signals[0]");
        }

        @Test
        void topLevelMembersTheShapeDoesNotHaveAreNamedInIgnored() {
            Translated translated = translated(
                    "{\"messageId\": \"m-9\", \"sentAt\": \"2015-06-02\", \"999990019\": 1, \"signals\": [" + SIGNAL + "]}");

            assertThat(translated.ignored()).containsExactly("sentAt", "$ (a member with an unusual name)");
        }

        @Test
        void signalsUpToTheLimitAreTaken() {
            String message = withSignals("m-10", copies(CanonicalInbound.MAX_SIGNALS, SIGNAL));

            assertThat(translated(message).events()).hasSize(CanonicalInbound.MAX_SIGNALS);
        }
    }

    @Nested
    class Rejecting {

        @Test
        void documentThatIsNoObjectIsAFault() {
            assertThat(faults("[" + SIGNAL + "]")).containsExactly(new Fault("$", "not an object"));
        }

        @Test
        void messageIdMissingIsAFault() {
            assertThat(faults("{\"signals\": [" + SIGNAL + "]}")).containsExactly(new Fault("messageId", "required"));
        }

        @Test
        void messageIdBlankIsMissing() {
            assertThat(faults(withSignals("  ", SIGNAL))).containsExactly(new Fault("messageId", "required"));
        }

        @Test
        void messageIdThatIsNoStringIsAFault() {
            assertThat(faults("{\"messageId\": 7, \"signals\": [" + SIGNAL + "]}"))
                    .containsExactly(new Fault("messageId", "must be a string"));
        }

        @Test
        void messageIdLongerThanTheCoreKeepsIsAFault() {
            assertThat(faults(withSignals("m".repeat(201), SIGNAL)))
                    .containsExactly(new Fault("messageId", "longer than 200 characters"));
        }

        @Test
        void signalsMissingIsAFault() {
            assertThat(faults("{\"messageId\": \"m-1\"}"))
                    .containsExactly(new Fault("signals", "required, an array of at least one signal"));
        }

        @Test
        void signalsNullIsMissing() {
            assertThat(faults("{\"messageId\": \"m-1\", \"signals\": null}"))
                    .containsExactly(new Fault("signals", "required, an array of at least one signal"));
        }

        @Test
        void signalsEmptyIsAFault() {
            assertThat(faults(withSignals("m-1")))
                    .containsExactly(new Fault("signals", "required, an array of at least one signal"));
        }

        @Test
        void signalsThatIsNoArrayIsAFault() {
            assertThat(faults("{\"messageId\": \"m-1\", \"signals\": " + SIGNAL + "}"))
                    .containsExactly(new Fault("signals", "must be an array"));
        }

        @Test
        void moreSignalsThanTheLimitIsAFault() {
            String message = withSignals("m-1", copies(CanonicalInbound.MAX_SIGNALS + 1, SIGNAL));

            assertThat(faults(message)).containsExactly(
                    new Fault("signals", "holds more than 10000 signals; send them in smaller messages"));
        }

        @Test
        void faultsStopAtTheCapWithALastFaultSayingMoreFollow() {
            String unknownCategory = SIGNAL.replace("\"runaway\"", "\"weglopen\"");

            List<Fault> faults = faults(withSignals("m-1", copies(CanonicalInbound.MAX_FAULTS + 5, unknownCategory)));

            assertThat(faults).hasSize(CanonicalInbound.MAX_FAULTS + 1);
            assertThat(faults.get(CanonicalInbound.MAX_FAULTS))
                    .isEqualTo(new Fault("$", "has more faults than the 1000 listed here"));
        }

        @Test
        void everyFaultOfEverySignalIsCollectedAndNoSignalIsApplied() {
            List<Fault> faults = faults("{\"signals\": [" + SIGNAL + ","
                    + SIGNAL.replace("\"2015-05-26\"", "\"26-05-2015\"") + ","
                    + SIGNAL.replace("\"runaway\"", "\"weglopen\"").replace("\"Amrani\"", "\"\"") + "]}");

            assertThat(faults).extracting(Fault::location).containsExactly(
                    "messageId", "signals[1].observedOn", "signals[2].youth.familyName", "signals[2].category");
        }
    }

    @Nested
    class MessageId {

        @Test
        void isTheMessageIdMemberStripped() {
            assertThat(inbound.messageId(message(withSignals(" jbrr-1 ", SIGNAL)))).contains("jbrr-1");
        }

        @Test
        void blankIsNone() {
            assertThat(inbound.messageId(message(withSignals("   ", SIGNAL)))).isEmpty();
        }

        @Test
        void longerThanTheCoreKeepsIsNone() {
            assertThat(inbound.messageId(message(withSignals("m".repeat(201), SIGNAL)))).isEmpty();
        }

        @Test
        void brokenBodyHasNone() {
            assertThat(inbound.messageId(new InboundMessage("jbrr", "application/json", StandardCharsets.UTF_8,
                    new byte[] {(byte) 0xFF, 0x00}))).isEmpty();
        }
    }
}
