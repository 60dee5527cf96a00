package nl.zorgtafel.partner.rvdk.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import nl.zorgtafel.api.partner.Fault;

/**
 * An element of a Raadsbericht, read whole, with its path ({@code /raadsbericht/uitspraak/einddatum}).
 *
 * <p>Reading a child or a value records a fault at its path when it is missing, repeated or
 * malformed, and reads as absent instead of throwing: one pass over a message finds every
 * fault. A fault names the path and the rule, never the value. Only children in the
 * Raadsbericht namespace count as children; elements of other namespaces are read past.
 */
final class Element {

    static final String NAMESPACE = "urn:nl:rvdk:zorgtafel:raadsbericht:1";

    /** An ISO calendar date, {@code yyyy-MM-dd}, as the Raadsbericht writes every date. */
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private final String namespace;
    private final String name;
    private final String path;
    private final Map<String, String> attributes;
    private final List<Fault> faults;
    private final List<Element> children = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    private Element(String namespace, String name, String path, Map<String, String> attributes, List<Fault> faults) {
        this.namespace = namespace == null ? "" : namespace;
        this.name = name;
        this.path = path;
        this.attributes = Map.copyOf(attributes);
        this.faults = faults;
    }

    /** The document element; the faults of every read below it go to {@code faults}. */
    static Element root(String namespace, String name, Map<String, String> attributes, List<Fault> faults) {
        return new Element(namespace, name, "/" + name, attributes, faults);
    }

    /** Adds a child element, in document order, while the document is read. */
    Element addChild(String childNamespace, String childName, Map<String, String> childAttributes) {
        Element child = new Element(childNamespace, childName, path + "/" + childName, childAttributes, faults);
        children.add(child);
        return child;
    }

    /** Adds character data while the document is read. */
    void appendText(char[] characters, int start, int length) {
        text.append(characters, start, length);
    }

    /** How many characters of text it holds so far, whitespace included. */
    int textLength() {
        return text.length();
    }

    String name() {
        return name;
    }

    String path() {
        return path;
    }

    /** Whether it is the element of that name in the Raadsbericht namespace. */
    boolean is(String localName) {
        return NAMESPACE.equals(namespace) && name.equals(localName);
    }

    boolean isInRaadsberichtNamespace() {
        return NAMESPACE.equals(namespace);
    }

    /** Its child elements, of any namespace, in document order. */
    List<Element> children() {
        return List.copyOf(children);
    }

    /** Children that are none of {@code known}: read past, and named in the result. */
    List<String> unknownChildren(Set<String> known) {
        return children.stream()
                .filter(child -> !(child.isInRaadsberichtNamespace() && known.contains(child.name)))
                .map(Element::path)
                .toList();
    }

    /** The attribute of that name (without namespace), blank reading as absent. */
    Optional<String> attribute(String attributeName) {
        return Optional.ofNullable(attributes.get(attributeName)).map(String::strip).filter(value -> !value.isEmpty());
    }

    String attributePath(String attributeName) {
        return path + "/@" + attributeName;
    }

    /** The child of that name; a fault when there are several. */
    Optional<Element> child(String childName) {
        List<Element> found = children.stream().filter(child -> child.is(childName)).toList();
        if (found.size() > 1) {
            fault(path + "/" + childName, "may occur only once");
            return Optional.empty();
        }
        return found.stream().findFirst();
    }

    /** The child of that name; a fault when it is missing or there are several. */
    Optional<Element> requiredChild(String childName) {
        if (children.stream().noneMatch(child -> child.is(childName))) {
            fault(path + "/" + childName, "is required");
            return Optional.empty();
        }
        return child(childName);
    }

    /**
     * Its text, stripped; empty when blank. A fault when it holds elements instead, and
     * then absent: a value must not be pieced together around markup.
     */
    Optional<String> text() {
        if (!children.isEmpty()) {
            fault(path, "must hold text, not elements");
            return Optional.empty();
        }
        String value = text.toString().strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** The text of a child that must be there and not be blank. */
    Optional<String> requiredText(String childName) {
        Optional<Element> child = requiredChild(childName);
        if (child.isEmpty()) {
            return Optional.empty();
        }
        return child.get().textOrFault("is required and may not be empty");
    }

    /** The text of a child that may be left out; a fault only when it is there twice or holds elements. */
    Optional<String> optionalText(String childName) {
        return child(childName).flatMap(Element::text);
    }

    /** Free text in a child that must be there but may be empty ({@code <toelichting/>}). */
    Optional<String> freeText(String childName) {
        Optional<Element> child = requiredChild(childName);
        if (child.isEmpty()) {
            return Optional.empty();
        }
        Element element = child.get();
        if (!element.children.isEmpty()) {
            return element.text();
        }
        return Optional.of(element.text.toString().strip());
    }

    /** A date ({@code yyyy-MM-dd}) in a child that must be there. */
    Optional<LocalDate> requiredDate(String childName) {
        Optional<Element> child = requiredChild(childName);
        if (child.isEmpty()) {
            return Optional.empty();
        }
        return child.get().textOrFault("is required and may not be empty").flatMap(child.get()::date);
    }

    /** A date ({@code yyyy-MM-dd}) in a child that may be left out. */
    Optional<LocalDate> optionalDate(String childName) {
        Optional<Element> child = child(childName);
        return child.flatMap(Element::text).flatMap(value -> child.get().date(value));
    }

    private Optional<String> textOrFault(String problem) {
        boolean holdsElements = !children.isEmpty();
        Optional<String> value = text();
        if (value.isEmpty() && !holdsElements) {
            fault(path, problem);
        }
        return value;
    }

    private Optional<LocalDate> date(String value) {
        if (!DATE.matcher(value).matches()) {
            fault(path, "must be a date as yyyy-MM-dd");
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(value.substring(0, 4)),
                    Integer.parseInt(value.substring(5, 7)), Integer.parseInt(value.substring(8, 10))));
        } catch (DateTimeException e) {
            fault(path, "must be a date as yyyy-MM-dd; this day does not exist");
            return Optional.empty();
        }
    }

    /** Records a fault at this element. */
    void fault(String problem) {
        fault(path, problem);
    }

    /** Records a fault at a path in this element's message. */
    void fault(String location, String problem) {
        Fault fault = new Fault(location, problem);
        if (!faults.contains(fault)) {
            faults.add(fault);
        }
    }
}
