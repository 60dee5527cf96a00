package nl.zorgtafel.partner.ggz.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A JSON value inside a FHIR message together with its FHIRPath-like location
 * ({@code Bundle.entry[2].resource.period.start}).
 *
 * <p>Reading it as the wrong JSON type records a fault at its location and reads as absent,
 * instead of throwing: one pass over a message finds every fault. FHIR JSON has no empty
 * strings, so JSON {@code null} and blank strings read as absent too.
 */
final class Element {

    private final JsonNode node;
    private final String path;
    private final Faults faults;
    private final boolean parentHasWrongType;

    private Element(JsonNode node, String path, Faults faults, boolean parentHasWrongType) {
        this.node = node == null ? MissingNode.getInstance() : node;
        this.path = path;
        this.faults = faults;
        this.parentHasWrongType = parentHasWrongType;
    }

    static Element root(JsonNode node, String path, Faults faults) {
        return new Element(node, path, faults, false);
    }

    String path() {
        return path;
    }

    Faults faults() {
        return faults;
    }

    boolean isPresent() {
        return !node.isMissingNode() && !node.isNull();
    }

    /**
     * Absent because the element holding it is not an object, a fault already listed: no
     * second fault needs to say it is missing.
     */
    boolean parentHasWrongType() {
        return parentHasWrongType;
    }

    /** The named member of this object. */
    Element field(String name) {
        String childPath = path + "." + name;
        if (!isPresent()) {
            return new Element(null, childPath, faults, parentHasWrongType);
        }
        if (!node.isObject()) {
            fault("must be a JSON object");
            return new Element(null, childPath, faults, true);
        }
        return new Element(node.get(name), childPath, faults, false);
    }

    /** The items of this array; none when it is absent. */
    List<Element> items() {
        if (!isPresent()) {
            return List.of();
        }
        if (!node.isArray()) {
            fault("must be a JSON array");
            return List.of();
        }
        List<Element> items = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            items.add(new Element(node.get(i), path + "[" + i + "]", faults, false));
        }
        return items;
    }

    /** The first item of this array, absent when there is none. */
    Element first() {
        String firstPath = path + "[0]";
        if (isPresent() && !node.isArray()) {
            fault("must be a JSON array");
            return new Element(null, firstPath, faults, true);
        }
        return isPresent() ? new Element(node.get(0), firstPath, faults, false)
                : new Element(null, firstPath, faults, parentHasWrongType);
    }

    /** The string value; absent when missing, null or blank, a fault when not a string. */
    Optional<String> text() {
        if (!isPresent()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            fault("must be a JSON string");
            return Optional.empty();
        }
        return Optional.of(node.textValue()).filter(text -> !text.isBlank());
    }

    /**
     * The string value if it keeps to a rule; a fault naming the problem when it is present
     * and does not.
     */
    Optional<String> text(Predicate<String> rule, String problem) {
        if (isPresent() && !node.isTextual()) {
            return text();
        }
        Optional<String> text = isPresent() ? Optional.of(node.textValue()) : Optional.empty();
        if (text.isPresent() && !rule.test(text.get())) {
            fault(problem);
            return Optional.empty();
        }
        return text;
    }

    /** The string value, with a fault when it is absent. */
    Optional<String> requiredText() {
        if (isPresent() && !node.isTextual()) {
            return text();
        }
        Optional<String> text = text();
        if (text.isEmpty()) {
            missing("is required");
        }
        return text;
    }

    /** Records that this element is missing, unless its parent's wrong type already explains it. */
    void missing(String problem) {
        if (!parentHasWrongType) {
            fault(problem);
        }
    }

    void fault(String problem) {
        faults.add(path, problem);
    }
}
