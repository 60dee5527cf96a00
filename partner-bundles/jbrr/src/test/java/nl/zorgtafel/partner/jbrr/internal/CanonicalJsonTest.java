package nl.zorgtafel.partner.jbrr.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nl.zorgtafel.api.partner.Fault;
import nl.zorgtafel.api.partner.InboundMessage;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private final CanonicalJson json = new CanonicalJson();
    private final List<Fault> faults = new ArrayList<>();

    static InboundMessage message(String text) {
        return message(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    static InboundMessage message(byte[] body, Charset charset) {
        return new InboundMessage("jbrr", "application/json", charset, body);
    }

    @Nested
    class Reading {

        private Optional<JsonNode> read(String text) {
            return json.read(message(text), faults);
        }

        @Test
        void objectIsReadAsATree() {
            assertThat(read("{\"messageId\": \"m-1\"}")).get().extracting(t -> t.get("messageId").asText())
                    .isEqualTo("m-1");
            assertThat(faults).isEmpty();
        }

        @Test
        void byteOrderMarkIsSkipped() {
            byte[] body = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'};

            assertThat(json.read(message(body, StandardCharsets.UTF_8), faults)).isPresent();
        }

        @Test
        void emptyBodyIsAFault() {
            assertThat(read("")).isEmpty();
            assertThat(faults).containsExactly(new Fault("$", "is empty"));
        }

        @Test
        void whiteSpaceOnlyHoldsNoJsonValue() {
            assertThat(read("  \n ")).isEmpty();
            assertThat(faults).containsExactly(new Fault("$", "holds no JSON value"));
        }

        @Test
        void brokenJsonIsAFaultWithItsLineAndColumnButNotItsText() {
            assertThat(read("{\n  \"messageId\": 999990019 x\n}")).isEmpty();
            assertThat(faults).singleElement().satisfies(fault -> {
                assertThat(fault.location()).isEqualTo("$");
                assertThat(fault.problem()).startsWith("is not well-formed JSON (line 2, column").doesNotContain("999");
            });
        }

        @Test
        void textAfterTheDocumentIsAFault() {
            assertThat(read("{} {}")).isEmpty();
            assertThat(faults).extracting(Fault::problem).singleElement().asString()
                    .startsWith("is not well-formed JSON");
        }

        @Test
        void memberNamedTwiceInOneObjectIsAFault() {
            assertThat(read("{\"bsn\": \"999990019\", \"bsn\": \"999990020\"}")).isEmpty();
            assertThat(faults).extracting(Fault::problem).singleElement().asString()
                    .startsWith("names a member twice in one object (line 1");
        }

        @Test
        void bytesInvalidInTheDeclaredCharsetAreAFaultNotReplacementCharacters() {
            byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}'};

            assertThat(json.read(message(body, StandardCharsets.UTF_8), faults)).isEmpty();
            assertThat(faults).containsExactly(new Fault("$", "holds bytes that are not valid UTF-8"));
        }

        @Test
        void declaredCharsetIsUsed() {
            byte[] body = "{\"n\":\"Zoë\"}".getBytes(StandardCharsets.ISO_8859_1);

            assertThat(json.read(message(body, StandardCharsets.ISO_8859_1), faults)).get()
                    .extracting(t -> t.get("n").asText()).isEqualTo("Zoë");
        }

        @Test
        void nestingToTheLimitIsReadAndOneLevelDeeperIsRefused() {
            int depth = CanonicalJson.MAX_DEPTH;

            assertThat(read("[".repeat(depth) + "]".repeat(depth))).isPresent();
            assertThat(read("[".repeat(depth + 1) + "]".repeat(depth + 1))).isEmpty();
            assertThat(faults).extracting(Fault::problem).singleElement().asString().startsWith("goes beyond the reading limits");
        }

        @Test
        void stringOverTheLimitIsRefused() {
            assertThat(read("{\"s\":\"" + "x".repeat(CanonicalJson.MAX_STRING_LENGTH + 1) + "\"}")).isEmpty();
            assertThat(faults).extracting(Fault::problem).singleElement().asString().startsWith("goes beyond the reading limits");
        }

        @Test
        void numberOverTheLimitIsRefused() {
            assertThat(read("{\"n\":" + "9".repeat(CanonicalJson.MAX_NUMBER_LENGTH + 1) + "}")).isEmpty();
            assertThat(faults).extracting(Fault::problem).singleElement().asString().startsWith("goes beyond the reading limits");
        }

        @Test
        void bodyOverTenMebibytesIsRefusedUnread() {
            byte[] body = new byte[CanonicalJson.MAX_BYTES + 1];
            Arrays.fill(body, (byte) ' ');

            assertThat(json.read(message(body, StandardCharsets.UTF_8), faults)).isEmpty();
            assertThat(faults).containsExactly(new Fault("$", "is larger than 10 MiB"));
        }
    }

    @Nested
    class TopLevelString {

        private Optional<String> messageId(String text) {
            return json.topLevelString(message(text), "messageId");
        }

        @Test
        void isFoundFirst() {
            assertThat(messageId("{\"messageId\": \"m-1\", \"signals\": []}")).contains("m-1");
        }

        @Test
        void isFoundAfterTheSignals() {
            assertThat(messageId("{\"signals\": [{\"youth\": {\"messageId\": \"inner\"}}], \"messageId\": \"m-2\"}"))
                    .contains("m-2");
        }

        @Test
        void memberOfTheSameNameDeeperDownIsNotIt() {
            assertThat(messageId("{\"signals\": [{\"messageId\": \"inner\"}]}")).isEmpty();
        }

        @Test
        void isNotFoundWhenNoString() {
            assertThat(messageId("{\"messageId\": 42}")).isEmpty();
        }

        @Test
        void isNotFoundInADocumentThatIsNoObject() {
            assertThat(messageId("[\"messageId\", \"m-1\"]")).isEmpty();
        }

        @Test
        void isFoundWithoutReadingWhatIsBrokenAfterIt() {
            assertThat(messageId("{\"messageId\": \"m-3\", \"signals\": [ broken")).contains("m-3");
        }

        @Test
        void isNotFoundWhenTheDocumentBreaksBeforeIt() {
            assertThat(messageId("{\"signals\": [ broken ], \"messageId\": \"m-4\"}")).isEmpty();
        }

        @Test
        void isFoundPastAByteOrderMark() {
            byte[] body = "\uFEFF{\"messageId\": \"m-5\"}".getBytes(StandardCharsets.UTF_8);

            assertThat(json.topLevelString(message(body, StandardCharsets.UTF_8), "messageId")).contains("m-5");
        }

        @Test
        void isFoundInAnotherDeclaredCharset() {
            byte[] body = "{\"messageId\": \"m-ë\"}".getBytes(StandardCharsets.ISO_8859_1);

            assertThat(json.topLevelString(message(body, StandardCharsets.ISO_8859_1), "messageId")).contains("m-ë");
        }

        @Test
        void tooDeepBeforeItIsNotFoundAndDoesNotThrow() {
            String deep = "[".repeat(10_000) + "]".repeat(10_000);

            assertThat(messageId("{\"x\": " + deep + ", \"messageId\": \"m-6\"}")).isEmpty();
        }
    }
}
