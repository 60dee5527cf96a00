package nl.zorgtafel.partner.jbrr.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import nl.zorgtafel.api.partner.Fault;
import nl.zorgtafel.api.partner.InboundMessage;

/**
 * Reads canonical JSON from a partner within explicit limits: at most {@value #MAX_BYTES}
 * bytes, {@value #MAX_DEPTH} levels deep, strings of at most {@value #MAX_STRING_LENGTH}
 * characters, numbers of at most {@value #MAX_NUMBER_LENGTH} digits; no member twice in one
 * object (two BSNs for one youth would be ambiguous), nothing after the document. It reads a
 * tree only, never objects of a type the message names (no default typing).
 *
 * <p>A fault of the document as a whole is located at {@code $}. Jackson's own messages are
 * never passed on: they quote the input, which may hold a BSN.
 */
final class CanonicalJson {

    static final String ROOT = "$";
    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final int MAX_DEPTH = 64;
    static final int MAX_STRING_LENGTH = 1_000_000;
    static final int MAX_NUMBER_LENGTH = 100;

    private final JsonFactory factory = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxDocumentLength(MAX_BYTES)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private final ObjectMapper mapper =
            JsonMapper.builder(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    /** The document as a tree, or empty with a fault at {@code $} added to {@code faults}. */
    Optional<JsonNode> read(InboundMessage message, List<Fault> faults) {
        byte[] body = message.body();
        if (body.length == 0) {
            faults.add(new Fault(ROOT, "is empty"));
            return Optional.empty();
        }
        if (body.length > MAX_BYTES) {
            faults.add(new Fault(ROOT, "is larger than " + MAX_BYTES / (1024 * 1024) + " MiB"));
            return Optional.empty();
        }
        String text;
        try {
            text = message.charset().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            faults.add(new Fault(ROOT, "holds bytes that are not valid " + message.charset().name()));
            return Optional.empty();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try {
            JsonNode tree = mapper.readTree(text);
            if (tree == null || tree.isMissingNode()) {
                faults.add(new Fault(ROOT, "holds no JSON value"));
                return Optional.empty();
            }
            return Optional.of(tree);
        } catch (StreamConstraintsException e) {
            faults.add(new Fault(ROOT, "goes beyond the reading limits: " + MAX_DEPTH + " levels deep, strings of "
                    + MAX_STRING_LENGTH + " characters, numbers of " + MAX_NUMBER_LENGTH + " digits"));
        } catch (JsonProcessingException e) {
            String problem = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                    ? "names a member twice in one object"
                    : "is not well-formed JSON";
            faults.add(new Fault(ROOT, problem + where(e.getLocation())));
        }
        return Optional.empty();
    }

    /**
     * The string value of the top-level member {@code name}, streamed up to that member and
     * no further, without checking the rest: cheap enough to call before the message is
     * stored. Empty when it is not there, not a string, or the document breaks before it.
     */
    Optional<String> topLevelString(InboundMessage message, String name) {
        try (JsonParser parser = streamOf(message)) {
            int depth = 0;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (depth == 0 && token != JsonToken.START_OBJECT) {
                    return Optional.empty();
                }
                if (token.isStructStart()) {
                    depth++;
                } else if (token.isStructEnd()) {
                    depth--;
                } else if (depth == 1 && token == JsonToken.FIELD_NAME && name.equals(parser.currentName())) {
                    return parser.nextToken() == JsonToken.VALUE_STRING
                            ? Optional.of(parser.getText())
                            : Optional.empty();
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // too broken to find it: the core then identifies the message by its body's hash
            return Optional.empty();
        }
    }

    /** UTF-8 as bytes, which Jackson reads fastest and past a byte order mark; other charsets as text. */
    private JsonParser streamOf(InboundMessage message) throws IOException {
        if (StandardCharsets.UTF_8.equals(message.charset())) {
            return factory.createParser(message.body());
        }
        return factory.createParser(new InputStreamReader(new ByteArrayInputStream(message.body()), message.charset()));
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 1
                ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
