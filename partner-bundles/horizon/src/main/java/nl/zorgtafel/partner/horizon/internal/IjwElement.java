package nl.zorgtafel.partner.horizon.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import nl.zorgtafel.api.partner.Fault;

/**
 * An element of an iJw message where the translator reads it: the {@link IjwNode}, or
 * nothing when it is absent, with its path ({@code /Bericht/Client/StopProducten/StopProduct[2]/Einddatum}:
 * repeatable elements carry their position, counted from 1 as in XPath).
 *
 * <p>Only elements in the message's own namespace count. Reading records a fault at the
 * path when an element is missing, repeated or malformed and reads as absent, so that one
 * pass lists every fault. A fault names the rule, never the value.
 */
final class IjwElement {

    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    private final IjwNode node;
    private final String namespace;
    private final String path;
    private final Set<Fault> faults;

    private IjwElement(IjwNode node, String namespace, String path, Set<Fault> faults) {
        this.node = node;
        this.namespace = namespace;
        this.path = path;
        this.faults = faults;
    }

    /** The document element, read in its own namespace. */
    static IjwElement document(IjwNode node, Set<Fault> faults) {
        return new IjwElement(node, node.namespace(), "/" + node.name(), faults);
    }

    String path() {
        return path;
    }

    boolean isPresent() {
        return node != null;
    }

    /** The child of that name, absent or not; a fault when it occurs more than once. */
    IjwElement child(String name) {
        List<IjwNode> found = matching(name);
        if (found.size() > 1) {
            fault(path + "/" + name + "[2]", "may occur only once");
        }
        return new IjwElement(found.isEmpty() ? null : found.get(0), namespace, path + "/" + name, faults);
    }

    /** The child of that name, with a fault when it is missing (unless this element is). */
    IjwElement required(String name) {
        IjwElement child = child(name);
        if (isPresent() && !child.isPresent()) {
            child.fault("is required");
        }
        return child;
    }

    /** Every child of that name, each with its position in its path. */
    List<IjwElement> all(String name) {
        List<IjwNode> found = matching(name);
        List<IjwElement> elements = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            elements.add(new IjwElement(found.get(i), namespace, path + "/" + name + "[" + (i + 1) + "]", faults));
        }
        return elements;
    }

    /**
     * The paths of children that are not in {@code listed} (the elements the contract lists
     * here), without positions: what the translator reads past.
     */
    List<String> unlisted(Set<String> listed) {
        if (!isPresent()) {
            return List.of();
        }
        return node.children().stream()
                .filter(child -> !(namespace.equals(child.namespace()) && listed.contains(child.name())))
                .map(child -> path.replaceAll("\\[\\d+]", "") + "/" + child.name())
                .toList();
    }

    /** The text, stripped; absent when the element is absent or blank, a fault when it holds elements. */
    Optional<String> text() {
        if (!isPresent()) {
            return Optional.empty();
        }
        if (node.hasChildren()) {
            fault("must hold text, not elements");
            return Optional.empty();
        }
        String text = node.text().toString().strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** The text, with a fault when it is blank; absence is the parent's fault ({@link #required}). */
    Optional<String> requiredText() {
        Optional<String> text = text();
        if (isPresent() && text.isEmpty() && !node.hasChildren()) {
            fault("may not be empty");
        }
        return text;
    }

    /** The text when it keeps to {@code rule}; a fault naming the rule when it is there and does not. */
    Optional<String> code(Predicate<String> rule, String expected) {
        Optional<String> text = requiredText();
        if (text.isPresent() && !rule.test(text.get())) {
            fault(expected);
            return Optional.empty();
        }
        return text;
    }

    /** A date as iJw writes it, {@code yyyy-MM-dd}; a fault when it is there and is not one. */
    Optional<LocalDate> date() {
        return requiredText().flatMap(text -> {
            var parts = DATE.matcher(text);
            if (!parts.matches()) {
                fault("must be a date as yyyy-MM-dd");
                return Optional.empty();
            }
            try {
                return Optional.of(LocalDate.of(Integer.parseInt(parts.group(1)), Integer.parseInt(parts.group(2)),
                        Integer.parseInt(parts.group(3))));
            } catch (DateTimeException e) {
                fault("must be a date as yyyy-MM-dd: this day does not exist");
                return Optional.empty();
            }
        });
    }

    void fault(String problem) {
        fault(path, problem);
    }

    void fault(String location, String problem) {
        faults.add(new Fault(location, problem));
    }

    private List<IjwNode> matching(String name) {
        if (!isPresent()) {
            return List.of();
        }
        return node.children().stream()
                .filter(child -> child.name().equals(name) && namespace.equals(child.namespace()))
                .toList();
    }
}
