package nl.zorgtafel.partner.rvdk.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import nl.zorgtafel.api.model.Agreement;
import nl.zorgtafel.api.partner.Notification;
import nl.zorgtafel.api.partner.RenderedMessage;

/**
 * Renders a notification as a {@code raadsverzoek} for the RvdK, in the Raadsbericht
 * namespace, POSTed to its {@code outboundUrl} as {@code application/xml}.
 *
 * <pre>
 * &lt;raadsverzoek xmlns="urn:nl:rvdk:zorgtafel:raadsbericht:1" verzoekId="…" verzonden="…"&gt;
 *   &lt;kind&gt;notificatie&lt;/kind&gt;
 *   &lt;aanleiding&gt;match | crisis-signal | agenda | agreement&lt;/aanleiding&gt;
 *   &lt;casusId&gt;…&lt;/casusId&gt;
 *   &lt;jeugdige&gt;&lt;naam&gt;…&lt;/naam&gt;&lt;geboortedatum&gt;yyyy-MM-dd&lt;/geboortedatum&gt;&lt;/jeugdige&gt;
 *   &lt;toelichting&gt;…&lt;/toelichting&gt;
 *   &lt;afspraak id="…"&gt;&lt;omschrijving/&gt;&lt;eigenaar/&gt;&lt;uiterlijk/&gt;&lt;status/&gt;&lt;/afspraak&gt;  (agreements only)
 *   &lt;gevraagdDoor&gt;zorgtafel&lt;/gevraagdDoor&gt;
 * &lt;/raadsverzoek&gt;
 * </pre>
 *
 * <p>Every notification is a {@code notificatie}: the table's four notification kinds all
 * tell the board something. The format's other kind, {@code onderzoek} (the table asks for
 * an investigation), needs a request the table cannot make yet; it comes with that work.
 *
 * <p>The youth is named by display name and birth date only, as the notification carries
 * them: a notification has no BSN, and splitting a display name into the board's
 * {@code voornamen} and {@code achternaam} cannot be done reliably ("Anna van der Berg"), so
 * the whole name travels as {@code naam}. Text is written through {@link XMLStreamWriter},
 * which escapes markup; characters XML 1.0 cannot carry at all become U+FFFD.
 */
final class RvdkOutbound {

    static final String MEDIA_TYPE = "application/xml";
    static final String KIND_NOTIFICATION = "notificatie";
    static final String REQUESTED_BY = "zorgtafel";

    private static final char REPLACEMENT = '\uFFFD';

    List<RenderedMessage> render(Notification notification) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory()
                    .createXMLStreamWriter(body, StandardCharsets.UTF_8.name());
            write(xml, notification);
            xml.close();
        } catch (XMLStreamException e) {
            // writing strings into memory does not fail; this would be a bug in the JDK's writer
            throw new IllegalStateException("the raadsverzoek could not be written", e);
        }
        return List.of(new RenderedMessage(MEDIA_TYPE, body.toByteArray(), ""));
    }

    private static void write(XMLStreamWriter xml, Notification notification) throws XMLStreamException {
        xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
        xml.setDefaultNamespace(Element.NAMESPACE);
        xml.writeStartElement(Element.NAMESPACE, "raadsverzoek");
        xml.writeDefaultNamespace(Element.NAMESPACE);
        xml.writeAttribute("verzoekId", xmlText(notification.id()));
        xml.writeAttribute("verzonden", notification.createdAt().toString());
        textElement(xml, "kind", KIND_NOTIFICATION);
        textElement(xml, "aanleiding", notification.kind().code());
        textElement(xml, "casusId", notification.caseId());
        xml.writeStartElement(Element.NAMESPACE, "jeugdige");
        if (notification.youthDisplayName() != null && !notification.youthDisplayName().isBlank()) {
            textElement(xml, "naam", notification.youthDisplayName().strip());
        }
        if (notification.youthBirthDate() != null) {
            textElement(xml, "geboortedatum", notification.youthBirthDate().toString());
        }
        xml.writeEndElement();
        textElement(xml, "toelichting", notification.summary());
        if (notification.agreement() != null) {
            agreement(xml, notification.agreement());
        }
        textElement(xml, "gevraagdDoor", REQUESTED_BY);
        xml.writeEndElement();
        xml.writeEndDocument();
    }

    private static void agreement(XMLStreamWriter xml, Agreement agreement) throws XMLStreamException {
        xml.writeStartElement(Element.NAMESPACE, "afspraak");
        xml.writeAttribute("id", xmlText(agreement.id()));
        textElement(xml, "omschrijving", agreement.description());
        textElement(xml, "eigenaar", agreement.ownerPartner());
        textElement(xml, "uiterlijk", agreement.dueDate().toString());
        textElement(xml, "status", agreement.status().code());
        xml.writeEndElement();
    }

    private static void textElement(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(Element.NAMESPACE, name);
        xml.writeCharacters(xmlText(text));
        xml.writeEndElement();
    }

    /**
     * The text with every character XML 1.0 cannot hold (controls other than tab, line feed
     * and carriage return; lone surrogates; U+FFFE and U+FFFF) replaced, so that the board
     * always receives a well-formed message.
     */
    static String xmlText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c) || !isXmlCharacter(c)) {
                out.append(REPLACEMENT);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isXmlCharacter(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }
}
