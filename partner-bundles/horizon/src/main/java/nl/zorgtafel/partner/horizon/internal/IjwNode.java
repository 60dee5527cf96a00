package nl.zorgtafel.partner.horizon.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * One element of an iJw message as read: its qualified name, its text and its child
 * elements in document order. Attributes are not kept: iJw carries its data in elements
 * only. Where it sits in the message is known to {@link IjwElement}, which reads it.
 */
final class IjwNode {

    private final String namespace;
    private final String name;
    private final List<IjwNode> children = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    IjwNode(String namespace, String name) {
        this.namespace = namespace == null ? "" : namespace;
        this.name = name;
    }

    String namespace() {
        return namespace;
    }

    String name() {
        return name;
    }

    List<IjwNode> children() {
        return children;
    }

    boolean hasChildren() {
        return !children.isEmpty();
    }

    /** The character data directly inside, whitespace and all. */
    CharSequence text() {
        return text;
    }

    IjwNode add(String childNamespace, String childName) {
        IjwNode child = new IjwNode(childNamespace, childName);
        children.add(child);
        return child;
    }

    void append(char[] characters, int start, int length) {
        text.append(characters, start, length);
    }
}
