package nl.zorgtafel.partner.rvdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nl.zorgtafel.api.partner.Fault;
import nl.zorgtafel.api.partner.InboundMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reading limits and the refusals that keep hostile XML out. */
class RaadsberichtReaderTest {

    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private final RaadsberichtReader reader = new RaadsberichtReader();
    private final List<Fault> faults = new ArrayList<>();

    @Test
    void readsElementsTextAndAttributesWithTheirPaths() {
        Element root = read("<a xmlns=\"urn:nl:rvdk:zorgtafel:raadsbericht:1\" id=\"7\"><b>x &amp; <![CDATA[<y>]]></b></a>")
                .orElseThrow();

        assertThat(root.attribute("id")).contains("7");
        assertThat(root.children()).singleElement().satisfies(b -> {
            assertThat(b.path()).isEqualTo("/a/b");
            assertThat(b.text()).contains("x & <y>");
        });
        assertThat(faults).isEmpty();
    }

    @Test
    void emptyBodyIsAFault() {
        assertThat(readBytes(new byte[0])).isEmpty();
        assertThat(faults).containsExactly(new Fault("body", "is empty"));
    }

    @Test
    void notWellFormedXmlIsAFaultAtItsLineAndColumn() {
        assertThat(read(DECLARATION + "<a>\n  <b></a>")).isEmpty();
        assertThat(faults).containsExactly(new Fault("line 3, column 8", "is not well-formed XML"));
    }

    @Test
    void contentAfterTheDocumentElementIsNotWellFormed() {
        assertThat(read("<a/><b/>")).isEmpty();
        assertThat(faults).extracting(Fault::problem).containsExactly("is not well-formed XML");
    }

    @Test
    void doctypeIsRefusedOutright() {
        assertThat(read(DECLARATION + "<!DOCTYPE a>\n<a/>")).isEmpty();
        assertThat(faults).containsExactly(new Fault("body", "has a DOCTYPE: DTDs and entities are refused"));
    }

    @Test
    void externalEntityIsNeverResolved(@TempDir Path folder) throws IOException {
        Path secret = Files.writeString(folder.resolve("secret.txt"), "geheim-dossier");
        String body = DECLARATION + "<!DOCTYPE a [<!ENTITY s SYSTEM \"" + secret.toUri() + "\">]>\n<a>&s;</a>";

        assertThat(read(body)).isEmpty();
        assertThat(faults).containsExactly(new Fault("body", "has a DOCTYPE: DTDs and entities are refused"));
    }

    @Test
    void undeclaredEntityIsNotWellFormed() {
        assertThat(read("<a>&lol9;</a>")).isEmpty();
        assertThat(faults).extracting(Fault::problem).containsExactly("is not well-formed XML");
    }

    @Test
    void sixtyFourLevelsOfElementsAreRead() {
        assertThat(read("<e>".repeat(64) + "</e>".repeat(64))).isPresent();
    }

    @Test
    void sixtyFiveLevelsOfElementsAreAFault() {
        assertThat(read("<e>".repeat(65) + "</e>".repeat(65))).isEmpty();
        assertThat(faults).containsExactly(new Fault("body", "nests elements more than 64 levels deep"));
    }

    @Test
    void tenThousandLevelsStopAtTheDepthLimit() {
        assertThat(read("<e>".repeat(10_000) + "</e>".repeat(10_000))).isEmpty();
        assertThat(faults).extracting(Fault::location).containsExactly("body");
    }

    @Test
    void textOfAMillionCharactersIsRead() {
        Element root = read("<a>" + "x".repeat(1_000_000) + "</a>").orElseThrow();

        assertThat(root.text()).hasValueSatisfying(text -> assertThat(text).hasSize(1_000_000));
    }

    @Test
    void textOfMoreThanAMillionCharactersIsAFaultAtItsElement() {
        assertThat(read("<a><b>" + "x".repeat(1_000_001) + "</b></a>")).isEmpty();
        assertThat(faults).containsExactly(new Fault("/a/b", "holds more than 1000000 characters"));
    }

    @Test
    void attributeOfMoreThanAMillionCharactersIsAFault() {
        assertThat(read("<a id=\"" + "x".repeat(1_000_001) + "\"/>")).isEmpty();
        assertThat(faults).containsExactly(new Fault("/a/@id", "holds more than 1000000 characters"));
    }

    @Test
    void moreThanAHundredThousandElementsAreAFault() {
        assertThat(read("<a>" + "<b/>".repeat(100_000) + "</a>")).isEmpty();
        assertThat(faults).containsExactly(new Fault("body", "has more than 100000 elements"));
    }

    @Test
    void bodyOfExactlyTenMibIsRead() {
        byte[] body = padded(RaadsberichtReader.MAX_BYTES);

        assertThat(readBytes(body)).isPresent();
        assertThat(faults).isEmpty();
    }

    @Test
    void bodyOfOneByteMoreThanTenMibIsAFault() {
        byte[] body = padded(RaadsberichtReader.MAX_BYTES + 1);

        assertThat(readBytes(body)).isEmpty();
        assertThat(faults).containsExactly(new Fault("body", "is larger than 10 MiB"));
    }

    @Test
    void bytesNotValidInTheDeclaredCharsetAreAFault() {
        byte[] body = {'<', 'a', '>', (byte) 0xC3, (byte) 0x28, '<', '/', 'a', '>'};

        assertThat(readBytes(body)).isEmpty();
        assertThat(faults).containsExactly(new Fault("body", "is not valid UTF-8"));
    }

    @Test
    void declaredCharsetIsHowTheBodyIsDecoded() {
        byte[] latin1 = "<a>Zoë</a>".getBytes(StandardCharsets.ISO_8859_1);

        Optional<Element> root = reader.read(message(latin1, StandardCharsets.ISO_8859_1), faults);

        assertThat(root.flatMap(Element::text)).contains("Zoë");
    }

    @Test
    void byteOrderMarkIsSkipped() {
        assertThat(read("\uFEFF" + DECLARATION + "<a/>")).isPresent();
        assertThat(faults).isEmpty();
    }

    @Test
    void rootAttributeIsReadWithoutReadingTheRest() {
        InboundMessage message = message(bytes("<a id=\"RVDK-1\"><b>"), StandardCharsets.UTF_8);

        assertThat(reader.rootAttribute(message, "id")).contains("RVDK-1");
    }

    @Test
    void rootAttributeIsAbsentInRandomBytes() {
        byte[] noise = new byte[4096];
        new java.util.Random(27).nextBytes(noise);

        assertThat(reader.rootAttribute(message(noise, StandardCharsets.UTF_8), "id")).isEmpty();
    }

    /**
     * A document of exactly {@code size} bytes: elements whose text stays just under the
     * text limit, and a comment to make up the rest.
     */
    private static byte[] padded(int size) {
        String start = DECLARATION + "<a>";
        String end = "</a>";
        String element = "<b>" + "x".repeat(999_000) + "</b>";
        StringBuilder body = new StringBuilder(size).append(start);
        int left = size - start.length() - end.length();
        while (left - element.length() >= "<!---->".length()) {
            body.append(element);
            left -= element.length();
        }
        body.append("<!--").append(" ".repeat(left - "<!---->".length())).append("-->").append(end);
        byte[] bytes = bytes(body.toString());
        assertThat(bytes).hasSize(size);
        return bytes;
    }

    private Optional<Element> read(String body) {
        return readBytes(bytes(body));
    }

    private Optional<Element> readBytes(byte[] body) {
        return reader.read(message(body, StandardCharsets.UTF_8), faults);
    }

    private static InboundMessage message(byte[] body, Charset charset) {
        return new InboundMessage("rvdk", "application/xml", charset, Arrays.copyOf(body, body.length));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
