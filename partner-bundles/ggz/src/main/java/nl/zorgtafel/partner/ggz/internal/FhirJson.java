package nl.zorgtafel.partner.ggz.internal;

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
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.Optional;
import nl.zorgtafel.api.partner.InboundMessage;

/**
 * Reads partner JSON within fixed limits, so that a hostile message is refused early and
 * cheaply: at most 10 MiB, 200 levels deep, strings of at most 1 MB. Only a tree is read,
 * never objects of types the message names (no default typing).
 *
 * <p>Parser errors become a fault at {@code body} with a line and column, never with the
 * parser's own message: that quotes the input, which may hold a BSN.
 */
final class FhirJson {

    static final String BODY = "body";
    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final int MAX_DEPTH = 200;
    static final int MAX_STRING_LENGTH = 1_000_000;

    private final JsonFactory factory;
    private final ObjectMapper mapper;

    FhirJson() {
        factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxDocumentLength(MAX_BYTES)
                        .build())
                // a FHIR object never repeats a member; two BSNs under one key would be ambiguous
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        mapper = JsonMapper.builder(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    }

    /** The message as a JSON tree, or empty with a fault at {@code body}. */
    Optional<JsonNode> readTree(InboundMessage message, Faults faults) {
        if (message.body().length == 0) {
            faults.add(BODY, "is empty");
            return Optional.empty();
        }
        if (message.body().length > MAX_BYTES) {
            faults.add(BODY, "is larger than 10 MiB");
            return Optional.empty();
        }
        Optional<String> text = decode(message);
        if (text.isEmpty()) {
            faults.add(BODY, "is not valid " + message.charset().name());
            return Optional.empty();
        }
        try {
            JsonNode tree = mapper.readTree(text.get());
            if (tree == null || tree.isMissingNode()) {
                faults.add(BODY, "holds no JSON value");
                return Optional.empty();
            }
            return Optional.of(tree);
        } catch (StreamConstraintsException e) {
            faults.add(BODY, "goes beyond the reading limits: at most " + MAX_DEPTH + " levels deep, strings of at most "
                    + MAX_STRING_LENGTH + " characters, numbers of at most 1000 digits");
        } catch (JsonProcessingException e) {
            faults.add(BODY, "is not well-formed JSON" + at(e.getLocation()));
        }
        return Optional.empty();
    }

    /**
     * The top-level {@code id}, read as a stream up to that member only and without
     * validating the rest: cheap enough for the core to call before storing a message.
     */
    Optional<String> topLevelId(InboundMessage message) {
        Reader reader = new InputStreamReader(new ByteArrayInputStream(message.body()), message.charset());
        try (JsonParser parser = factory.createParser(reader)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("id".equals(name)) {
                    return value == JsonToken.VALUE_STRING ? Optional.of(parser.getText()) : Optional.empty();
                }
                parser.skipChildren();
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // a message too broken to find its id is identified by its hash (see PartnerAdapter)
            return Optional.empty();
        }
    }

    /** The body as text, refusing bytes the declared charset cannot decode instead of replacing them. */
    private static Optional<String> decode(InboundMessage message) {
        try {
            String text = message.charset().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(message.body()))
                    .toString();
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
