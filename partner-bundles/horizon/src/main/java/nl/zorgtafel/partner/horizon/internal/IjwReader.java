package nl.zorgtafel.partner.horizon.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import nl.zorgtafel.api.partner.Fault;
import nl.zorgtafel.api.partner.InboundMessage;

/**
 * Reads an iJw message into {@link IjwNode}s, treating it as the hostile input it may be.
 *
 * <p>The parser is the JDK's StAX, made with {@link XMLInputFactory#newDefaultFactory()} so
 * that no service lookup through a class loader is needed in OSGi. DTD support and external
 * entities are off, and a DOCTYPE ends reading at once with a fault: no entity is declared,
 * expanded or fetched. Reading also ends at the first limit crossed: {@value #MAX_BYTES}
 * bytes, {@value #MAX_DEPTH} levels, {@value #MAX_ELEMENTS} elements, {@value #MAX_TEXT}
 * characters of text in one element. The declared charset decodes the body strictly.
 *
 * <p>A parser's own error text may quote the input (a BSN); faults give only a line and
 * column.
 */
final class IjwReader {

    static final String BODY = "body";
    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final int MAX_DEPTH = 64;
    static final int MAX_ELEMENTS = 100_000;
    static final int MAX_TEXT = 1_000_000;

    /** How far {@link #identificatie} looks: the header comes first and is small. */
    private static final int HEADER_ELEMENTS = 200;
    private static final List<String> IDENTIFICATIE_PATH =
            List.of("Bericht", "Header", "BerichtIdentificatie", "Identificatie");

    /** The message as a tree, or empty with the one fault that stopped reading. */
    Optional<IjwNode> read(InboundMessage message, Set<Fault> faults) {
        Optional<String> tooBig = message.body().length == 0 ? Optional.of("is empty")
                : message.body().length > MAX_BYTES ? Optional.of("is larger than 10 MiB") : Optional.empty();
        if (tooBig.isPresent()) {
            faults.add(new Fault(BODY, tooBig.get()));
            return Optional.empty();
        }
        XMLStreamReader xml = null;
        try {
            xml = newFactory().createXMLStreamReader(decoding(message, true));
            return tree(xml, faults);
        } catch (XMLStreamException e) {
            boolean undecodable = e.getNestedException() instanceof CharacterCodingException;
            faults.add(undecodable
                    ? new Fault(BODY, "is not valid " + message.charset().name())
                    : new Fault(at(e.getLocation()), "is not well-formed XML"));
            return Optional.empty();
        } finally {
            closeQuietly(xml);
        }
    }

    /**
     * {@code Bericht/Header/BerichtIdentificatie/Identificatie}, looked for in the header
     * only and without checking anything else; empty when the message is too broken.
     */
    Optional<String> identificatie(InboundMessage message) {
        if (message.body().length == 0 || message.body().length > MAX_BYTES) {
            return Optional.empty();
        }
        XMLStreamReader xml = null;
        try {
            xml = newFactory().createXMLStreamReader(decoding(message, false));
            Deque<String> open = new ArrayDeque<>();
            int seen = 0;
            while (xml.hasNext() && seen <= HEADER_ELEMENTS) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    return Optional.empty();
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    seen++;
                    open.addLast(xml.getLocalName());
                    if (IDENTIFICATIE_PATH.equals(List.copyOf(open))) {
                        return Optional.of(xml.getElementText());
                    }
                    if (open.size() >= IDENTIFICATIE_PATH.size()) {
                        skip(xml);
                        open.removeLast();
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    open.removeLast();
                }
            }
            return Optional.empty();
        } catch (XMLStreamException | RuntimeException e) {
            // without an id the core identifies the message by its hash (see PartnerAdapter)
            return Optional.empty();
        } finally {
            closeQuietly(xml);
        }
    }

    private static Optional<IjwNode> tree(XMLStreamReader xml, Set<Fault> faults) throws XMLStreamException {
        Deque<IjwNode> open = new ArrayDeque<>();
        IjwNode document = null;
        int elements = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                faults.add(new Fault(BODY, "has a DOCTYPE, which iJw never has: DTDs and entities are refused"));
                return Optional.empty();
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                elements++;
                Optional<String> limit = open.size() >= MAX_DEPTH ? Optional.of("nests elements more than 64 levels deep")
                        : elements > MAX_ELEMENTS ? Optional.of("has more than 100000 elements") : Optional.empty();
                if (limit.isPresent()) {
                    faults.add(new Fault(BODY, limit.get()));
                    return Optional.empty();
                }
                IjwNode parent = open.peekLast();
                open.addLast(parent == null
                        ? new IjwNode(xml.getNamespaceURI(), xml.getLocalName())
                        : parent.add(xml.getNamespaceURI(), xml.getLocalName()));
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                document = open.removeLast();
            } else if (xml.isCharacters() && !open.isEmpty()) {
                IjwNode current = open.peekLast();
                if (current.text().length() + xml.getTextLength() > MAX_TEXT) {
                    String path = open.stream().map(IjwNode::name).collect(Collectors.joining("/", "/", ""));
                    faults.add(new Fault(path, "holds more than 1000000 characters of text"));
                    return Optional.empty();
                }
                current.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
            }
        }
        return Optional.ofNullable(document);
    }

    /** Reads past the element that just started, children and all. */
    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** One factory per message: cheap, and never shared between threads. */
    private static XMLInputFactory newFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    /**
     * The body as characters in its declared charset. Strict: a byte the charset cannot
     * decode is an error, not a replacement character. A leading byte order mark is
     * dropped, as a parser that reads characters would not.
     */
    private static Reader decoding(InboundMessage message, boolean strict) throws XMLStreamException {
        CodingErrorAction onError = strict ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE;
        PushbackReader reader = new PushbackReader(new InputStreamReader(new ByteArrayInputStream(message.body()),
                message.charset().newDecoder().onMalformedInput(onError).onUnmappableCharacter(onError)));
        try {
            int first = reader.read();
            if (first >= 0 && first != '\uFEFF') {
                reader.unread(first);
            }
        } catch (IOException e) {
            throw new XMLStreamException("undecodable start", e);
        }
        return reader;
    }

    private static String at(Location location) {
        return location == null || location.getLineNumber() < 1
                ? BODY
                : "line " + location.getLineNumber() + ", column " + location.getColumnNumber();
    }

    private static void closeQuietly(XMLStreamReader xml) {
        try {
            if (xml != null) {
                xml.close();
            }
        } catch (XMLStreamException e) {
            // the body is in memory: closing frees nothing the garbage collector would not
        }
    }
}
