package ${package}.internal;

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
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import nl.zorgtafel.api.model.Bsn;
import nl.zorgtafel.api.model.Signal;
import nl.zorgtafel.api.model.SignalCategory;
import nl.zorgtafel.api.model.Urgency;
import nl.zorgtafel.api.model.YouthIdentity;
import nl.zorgtafel.api.partner.Fault;
import nl.zorgtafel.api.partner.InboundMessage;
import nl.zorgtafel.api.partner.InboundResult;
import nl.zorgtafel.api.partner.PartnerEvent;
import nl.zorgtafel.api.partner.PartnerEvent.SignalReported;

/**
 * Reads a ${partnerName} message into canonical events. The starting format is the
 * platform's canonical JSON: {@code {"messageId": "...", "signals": [signal, ...]}}, each
 * signal (signaal) as {@code POST /api/v1/signals} takes it: {@code {"youth": {"bsn"?,
 * "givenName", "familyName", "birthDate"}, "category", "urgency", "summary", "observedOn",
 * "partnerReference"}}. Each signal becomes one {@link SignalReported}.
 *
 * <p>Every fault is collected, not only the first, and located by its path
 * ({@code signals[0].observedOn}); no fault shows the value at fault. Members the format
 * does not have are read past and named in {@code ignored}.
 *
 * <p>Partner input is read within fixed limits, so that a hostile message is refused early:
 * at most 10 MiB, 64 levels deep, strings of at most 1,000,000 characters, 1,000 signals;
 * bytes the declared charset cannot decode are refused, not replaced; a member may not
 * appear twice; only a tree is read, never objects of types the message names.
 */
final class ${classPrefix}Inbound {

    static final String MEDIA_TYPE = "application/json";
    static final String BODY = "body";
    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final int MAX_DEPTH = 64;
    static final int MAX_STRING = 1_000_000;
    static final int MAX_SIGNALS = 1_000;
    static final int MAX_ID = 200;
    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 4_000;

    private static final Set<String> MESSAGE_MEMBERS = Set.of("messageId", "signals");
    private static final Set<String> SIGNAL_MEMBERS =
            Set.of("youth", "category", "urgency", "summary", "observedOn", "partnerReference");
    private static final Set<String> YOUTH_MEMBERS = Set.of("bsn", "givenName", "familyName", "birthDate");
    /** A member name is shown back only when it cannot hold a number such as a BSN. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_-]{1,64}");

    private final JsonFactory factory = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxDocumentLength(MAX_BYTES)
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private final ObjectMapper mapper =
            JsonMapper.builder(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    /** The top-level {@code messageId}, read as a stream up to that member, without validating the rest. */
    Optional<String> messageId(InboundMessage message) {
        if (message.body().length == 0 || message.body().length > MAX_BYTES) {
            return Optional.empty();
        }
        try (JsonParser parser = factory.createParser(message.text())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("messageId".equals(name)) {
                    return value == JsonToken.VALUE_STRING ? Optional.of(parser.getText()) : Optional.empty();
                }
                parser.skipChildren();
            }
            return Optional.empty();
        } catch (IOException e) {
            // too broken to find the id: the platform then identifies the message by its hash
            return Optional.empty();
        }
    }

    InboundResult translate(InboundMessage message) {
        List<Fault> faults = new ArrayList<>();
        Optional<JsonNode> root = readTree(message, faults);
        if (root.isEmpty()) {
            return InboundResult.rejected(faults);
        }
        List<String> ignored = new ArrayList<>();
        Members members = new Members(root.get(), "", faults, ignored, MESSAGE_MEMBERS);
        String messageId = members.text("messageId", true, MAX_ID);
        JsonNode signals = root.get().path("signals");
        if (!signals.isArray() || signals.isEmpty()) {
            faults.add(new Fault("signals", "required, an array of at least one signal"));
        } else if (signals.size() > MAX_SIGNALS) {
            faults.add(new Fault("signals", "more than " + MAX_SIGNALS + " signals"));
        }
        List<PartnerEvent> events = new ArrayList<>();
        if (signals.isArray() && signals.size() <= MAX_SIGNALS) {
            for (int i = 0; i < signals.size(); i++) {
                String path = "signals[" + i + "]";
                String defaultReference = (messageId == null ? "" : messageId) + "/" + path;
                signal(signals.get(i), path, defaultReference, faults, ignored).ifPresent(events::add);
            }
        }
        return faults.isEmpty() ? InboundResult.translated(events, ignored) : InboundResult.rejected(faults);
    }

    private Optional<SignalReported> signal(JsonNode node, String path, String defaultReference, List<Fault> faults,
                                            List<String> ignored) {
        if (!node.isObject()) {
            faults.add(new Fault(path, "must be an object"));
            return Optional.empty();
        }
        int faultsBefore = faults.size();
        Members signal = new Members(node, path, faults, ignored, SIGNAL_MEMBERS);
        if (!node.path("youth").isObject()) {
            faults.add(new Fault(path + ".youth", "required, an object"));
        }
        Members youth = new Members(node.path("youth"), path + ".youth", faults, ignored, YOUTH_MEMBERS);
        Bsn bsn = youth.bsn("bsn");
        String givenName = youth.text("givenName", false, MAX_NAME);
        String familyName = youth.text("familyName", true, MAX_NAME);
        LocalDate birthDate = youth.date("birthDate", false);
        SignalCategory category = signal.code("category", true, SignalCategory::fromCode,
                "not one of exploitation-suspected, prostitution, loverboy, runaway, school-dropout, other");
        Urgency urgency = signal.code("urgency", false, Urgency::fromCode, "not one of normal, crisis");
        String summary = signal.text("summary", false, MAX_TEXT);
        LocalDate observedOn = signal.date("observedOn", true);
        String reference = signal.text("partnerReference", false, MAX_NAME);
        if (faults.size() > faultsBefore) {
            return Optional.empty();
        }
        return Optional.of(new SignalReported(new YouthIdentity(bsn, givenName, familyName, birthDate),
                new Signal(reference == null ? defaultReference : reference, category,
                        urgency == null ? Urgency.NORMAL : urgency, summary, observedOn)));
    }

    /** The body as a JSON tree, or empty with a fault at {@code body}. */
    private Optional<JsonNode> readTree(InboundMessage message, List<Fault> faults) {
        if (message.body().length == 0) {
            faults.add(new Fault(BODY, "is empty"));
            return Optional.empty();
        }
        if (message.body().length > MAX_BYTES) {
            faults.add(new Fault(BODY, "is larger than 10 MiB"));
            return Optional.empty();
        }
        String text;
        try {
            text = message.charset().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(message.body()))
                    .toString();
        } catch (CharacterCodingException e) {
            faults.add(new Fault(BODY, "is not valid " + message.charset().name()));
            return Optional.empty();
        }
        try {
            JsonNode tree = mapper.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
            if (tree == null || !tree.isObject()) {
                faults.add(new Fault(BODY, "must be a JSON object"));
                return Optional.empty();
            }
            return Optional.of(tree);
        } catch (StreamConstraintsException e) {
            faults.add(new Fault(BODY, "goes beyond the reading limits: at most " + MAX_DEPTH
                    + " levels deep, strings of at most " + MAX_STRING + " characters"));
        } catch (JsonProcessingException e) {
            // never the parser's own message: it quotes the input
            faults.add(new Fault(BODY, "is not well-formed JSON, or repeats a member" + at(e.getLocation())));
        }
        return Optional.empty();
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1
                ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** The members of one JSON object at {@code path}: each read checks its type and adds a fault by name. */
    private static final class Members {

        private final JsonNode node;
        private final String path;
        private final List<Fault> faults;

        Members(JsonNode node, String path, List<Fault> faults, List<String> ignored, Set<String> known) {
            this.node = node;
            this.path = path;
            this.faults = faults;
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!known.contains(name)) {
                    ignored.add(PLAIN_NAME.matcher(name).matches() ? location(name) : location("(a member)"));
                }
            }
        }

        String text(String name, boolean required, int maxLength) {
            JsonNode value = node.path(name);
            if (value.isMissingNode() || value.isNull() || value.isTextual() && value.asText().isBlank()) {
                if (required) {
                    faults.add(new Fault(location(name), "required"));
                }
                return null;
            }
            if (!value.isTextual()) {
                faults.add(new Fault(location(name), "must be a string"));
                return null;
            }
            if (value.asText().length() > maxLength) {
                faults.add(new Fault(location(name), "longer than " + maxLength + " characters"));
                return null;
            }
            return value.asText().strip();
        }

        LocalDate date(String name, boolean required) {
            String text = text(name, required, MAX_NAME);
            if (text == null) {
                return null;
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                faults.add(new Fault(location(name), "not a date (yyyy-MM-dd)"));
                return null;
            }
        }

        <T> T code(String name, boolean required, Function<String, Optional<T>> fromCode, String problem) {
            String text = text(name, required, MAX_NAME);
            if (text == null) {
                return null;
            }
            Optional<T> code = fromCode.apply(text);
            if (code.isEmpty()) {
                faults.add(new Fault(location(name), problem));
            }
            return code.orElse(null);
        }

        Bsn bsn(String name) {
            JsonNode value = node.path(name);
            if (value.isMissingNode() || value.isNull() || value.isTextual() && value.asText().isEmpty()) {
                return null;
            }
            if (!value.isTextual() || !Bsn.isValid(value.asText())) {
                faults.add(new Fault(location(name), "not a valid BSN (nine digits passing the elfproef)"));
                return null;
            }
            return Bsn.of(value.asText());
        }

        private String location(String name) {
            return path.isEmpty() ? name : path + "." + name;
        }
    }
}
