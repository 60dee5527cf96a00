package nl.zorgtafel.partner.rvdk.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import nl.zorgtafel.api.partner.Fault;
import nl.zorgtafel.api.partner.InboundMessage;

/**
 * Reads a Raadsbericht as an {@link Element} tree, safely: partner input may be hostile.
 *
 * <ul>
 *   <li>The JDK's own StAX parser ({@link XMLInputFactory#newDefaultFactory()}: no service
 *       lookup, so it is found inside OSGi too), with DTDs and external entities switched
 *       off. A DOCTYPE is refused outright, so no entity is ever declared, let alone
 *       expanded or fetched.</li>
 *   <li>Limits: at most {@value #MAX_BYTES} bytes, {@value #MAX_DEPTH} levels of elements,
 *       {@value #MAX_ELEMENTS} elements, and {@value #MAX_TEXT_LENGTH} characters of text
 *       in one element or attribute. Reading stops at the first limit crossed.</li>
 *   <li>The body is decoded with the charset the message declares; bytes that are not valid
 *       in it are refused, not replaced.</li>
 * </ul>
 *
 * Faults never quote the parser's message, which may repeat the input: only the line and
 * column of a well-formedness error.
 */
final class RaadsberichtReader {

    static final String BODY = "body";
    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final int MAX_DEPTH = 64;
    static final int MAX_ELEMENTS = 100_000;
    static final int MAX_TEXT_LENGTH = 1_000_000;

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /** The document element, or empty with the faults that kept it from being read. */
    Optional<Element> read(InboundMessage message, List<Fault> faults) {
        if (message.body().length == 0) {
            faults.add(new Fault(BODY, "is empty"));
            return Optional.empty();
        }
        if (message.body().length > MAX_BYTES) {
            faults.add(new Fault(BODY, "is larger than 10 MiB"));
            return Optional.empty();
        }
        XMLStreamReader xml = null;
        try {
            xml = factory().createXMLStreamReader(strictReader(message));
            return readDocument(xml, faults);
        } catch (XMLStreamException e) {
            if (e.getNestedException() instanceof CharacterCodingException) {
                faults.add(new Fault(BODY, "is not valid " + message.charset().name()));
            } else {
                faults.add(new Fault(where(e.getLocation()), "is not well-formed XML"));
            }
            return Optional.empty();
        } finally {
            close(xml);
        }
    }

    /**
     * An attribute of the document element, read up to that element only and without
     * validating anything: cheap enough for the core to call before it stores a message.
     * Empty when the message is too broken to find it.
     */
    Optional<String> rootAttribute(InboundMessage message, String name) {
        if (message.body().length == 0 || message.body().length > MAX_BYTES) {
            return Optional.empty();
        }
        Reader lenient = new InputStreamReader(new ByteArrayInputStream(message.body()), message.charset());
        XMLStreamReader xml = null;
        try {
            xml = factory().createXMLStreamReader(lenient);
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    return Optional.empty();
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return Optional.ofNullable(xml.getAttributeValue(null, name));
                }
            }
            return Optional.empty();
        } catch (XMLStreamException | RuntimeException e) {
            // a message too broken to find its id is identified by its hash (see PartnerAdapter)
            return Optional.empty();
        } finally {
            close(xml);
        }
    }

    private static Optional<Element> readDocument(XMLStreamReader xml, List<Fault> faults) throws XMLStreamException {
        Deque<Element> open = new ArrayDeque<>();
        Element root = null;
        int elements = 0;
        while (xml.hasNext()) {
            switch (xml.next()) {
                case XMLStreamConstants.DTD -> {
                    faults.add(new Fault(BODY, "has a DOCTYPE: DTDs and entities are refused"));
                    return Optional.empty();
                }
                case XMLStreamConstants.START_ELEMENT -> {
                    if (open.size() == MAX_DEPTH) {
                        faults.add(new Fault(BODY, "nests elements more than " + MAX_DEPTH + " levels deep"));
                        return Optional.empty();
                    }
                    if (++elements > MAX_ELEMENTS) {
                        faults.add(new Fault(BODY, "has more than " + MAX_ELEMENTS + " elements"));
                        return Optional.empty();
                    }
                    Optional<Element> started = start(xml, open.peek(), faults);
                    if (started.isEmpty()) {
                        return Optional.empty();
                    }
                    open.push(started.get());
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    Element current = open.peek();
                    if (current != null) {
                        if (current.textLength() + xml.getTextLength() > MAX_TEXT_LENGTH) {
                            faults.add(new Fault(current.path(), "holds more than " + MAX_TEXT_LENGTH + " characters"));
                            return Optional.empty();
                        }
                        current.appendText(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> root = open.pop();
                default -> {
                    // comments and processing instructions carry nothing the table reads
                }
            }
        }
        return Optional.ofNullable(root);
    }

    /** The element that starts here, under {@code parent} (the root when there is none). */
    private static Optional<Element> start(XMLStreamReader xml, Element parent, List<Fault> faults) {
        Map<String, String> attributes = new HashMap<>();
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String namespace = xml.getAttributeNamespace(i);
            if (namespace == null || namespace.isEmpty()) {
                attributes.put(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
            }
        }
        String name = xml.getLocalName();
        Element element = parent == null
                ? Element.root(xml.getNamespaceURI(), name, attributes, faults)
                : parent.addChild(xml.getNamespaceURI(), name, attributes);
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            if (attribute.getValue().length() > MAX_TEXT_LENGTH) {
                faults.add(new Fault(element.attributePath(attribute.getKey()),
                        "holds more than " + MAX_TEXT_LENGTH + " characters"));
                return Optional.empty();
            }
        }
        return Optional.of(element);
    }

    /**
     * A new factory for each message: a factory is cheap, and one that is never shared needs
     * no thought about which of its methods are thread-safe.
     */
    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_VALIDATING, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    /**
     * The body decoded as it is read, refusing bytes the declared charset cannot decode
     * instead of replacing them, and without a byte order mark (which a parser reading
     * characters would take for content before the document).
     */
    private static Reader strictReader(InboundMessage message) throws XMLStreamException {
        CharsetDecoder decoder = message.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        PushbackReader reader = new PushbackReader(
                new InputStreamReader(new ByteArrayInputStream(message.body()), decoder));
        try {
            int first = reader.read();
            if (first != BYTE_ORDER_MARK && first != -1) {
                reader.unread(first);
            }
            return reader;
        } catch (IOException e) {
            throw new XMLStreamException("the body could not be decoded", e);
        }
    }

    private static String where(Location location) {
        if (location == null || location.getLineNumber() < 1) {
            return BODY;
        }
        return "line " + location.getLineNumber() + ", column " + location.getColumnNumber();
    }

    private static void close(XMLStreamReader xml) {
        if (xml == null) {
            return;
        }
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // reading from memory: nothing to release that the garbage collector does not
        }
    }
}
