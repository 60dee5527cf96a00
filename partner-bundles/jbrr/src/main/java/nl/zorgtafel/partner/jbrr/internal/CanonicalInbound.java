package nl.zorgtafel.partner.jbrr.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.zorgtafel.api.partner.Fault;
import nl.zorgtafel.api.partner.InboundMessage;
import nl.zorgtafel.api.partner.InboundResult;
import nl.zorgtafel.api.partner.PartnerEvent;

/**
 * A partner message in canonical JSON (contract {@code partners/jbrr.md}) → canonical
 * events: {@code {"messageId", "signals":[…]}}, each signal as {@code POST /api/v1/signals}
 * takes it, becomes one signal event.
 *
 * <p>A partner system must be able to send a message again without a second effect, so
 * every signal gets a stable reference: its {@code partnerReference}, or else
 * {@code <messageId>/signals[<i>]}. All faults are collected, each located like a JSON path
 * ({@code messageId}, {@code signals[2].youth.bsn}); one fault rejects the whole message.
 * At most {@value #MAX_SIGNALS} signals a message, and {@value #MAX_FAULTS} faults listed.
 */
final class CanonicalInbound {

    static final String MEDIA_TYPE = "application/json";
    static final String MESSAGE_ID = "messageId";
    static final String SIGNALS = "signals";
    static final int MAX_MESSAGE_ID = 200;
    static final int MAX_SIGNALS = 10_000;
    static final int MAX_FAULTS = 1_000;

    private static final Set<String> MESSAGE_MEMBERS = Set.of(MESSAGE_ID, SIGNALS);

    private final CanonicalJson json;
    private final SignalReader signals;

    /** @param clock whose today decides what lies in the future */
    CanonicalInbound(CanonicalJson json, Clock clock) {
        this.json = json;
        this.signals = new SignalReader(clock);
    }

    /** The {@code messageId} member, read as a stream up to that member only. */
    Optional<String> messageId(InboundMessage message) {
        return json.topLevelString(message, MESSAGE_ID)
                .map(String::strip)
                .filter(id -> !id.isEmpty() && id.length() <= MAX_MESSAGE_ID);
    }

    InboundResult translate(InboundMessage message) {
        List<Fault> faults = new ArrayList<>();
        Optional<JsonNode> tree = json.read(message, faults);
        if (tree.isEmpty()) {
            return InboundResult.rejected(faults);
        }
        JsonNode root = tree.get();
        if (!root.isObject()) {
            return InboundResult.rejected(List.of(new Fault(CanonicalJson.ROOT, "not an object")));
        }
        String messageId = messageIdOf(root, faults);
        List<PartnerEvent> events = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        namePlainOthers(root, ignored);
        JsonNode list = root.path(SIGNALS);
        if (list.isMissingNode() || list.isNull() || list.isArray() && list.isEmpty()) {
            faults.add(new Fault(SIGNALS, "required, an array of at least one signal"));
        } else if (!list.isArray()) {
            faults.add(new Fault(SIGNALS, "must be an array"));
        } else if (list.size() > MAX_SIGNALS) {
            faults.add(new Fault(SIGNALS, "holds more than " + MAX_SIGNALS + " signals; send them in smaller messages"));
        } else {
            for (int i = 0; i < list.size(); i++) {
                String path = SIGNALS + "[" + i + "]";
                String defaultReference = (messageId == null ? "" : messageId) + "/" + path;
                signals.read(list.get(i), path, defaultReference, faults, ignored).ifPresent(events::add);
            }
        }
        return faults.isEmpty() ? InboundResult.translated(events, ignored) : InboundResult.rejected(capped(faults));
    }

    /** At most {@value #MAX_FAULTS} faults, and then one that says more were found. */
    private static List<Fault> capped(List<Fault> faults) {
        if (faults.size() <= MAX_FAULTS) {
            return faults;
        }
        List<Fault> listed = new ArrayList<>(faults.subList(0, MAX_FAULTS));
        listed.add(new Fault(CanonicalJson.ROOT, "has more faults than the " + MAX_FAULTS + " listed here"));
        return listed;
    }

    /** The message id, required: a partner system repeats a message by it. */
    private static String messageIdOf(JsonNode root, List<Fault> faults) {
        JsonNode id = root.path(MESSAGE_ID);
        if (id.isMissingNode() || id.isNull() || id.isTextual() && id.asText().isBlank()) {
            faults.add(new Fault(MESSAGE_ID, "required"));
        } else if (!id.isTextual()) {
            faults.add(new Fault(MESSAGE_ID, "must be a string"));
        } else if (id.asText().strip().length() > MAX_MESSAGE_ID) {
            faults.add(new Fault(MESSAGE_ID, "longer than " + MAX_MESSAGE_ID + " characters"));
        } else {
            return id.asText().strip();
        }
        return null;
    }

    private static void namePlainOthers(JsonNode root, List<String> ignored) {
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!MESSAGE_MEMBERS.contains(name)) {
                ignored.add(SignalReader.ignoredMember("", name));
            }
        }
    }
}
