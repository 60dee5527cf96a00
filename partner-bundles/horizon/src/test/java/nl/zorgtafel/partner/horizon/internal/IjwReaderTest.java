package nl.zorgtafel.partner.horizon.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import nl.zorgtafel.api.partner.Fault;
import nl.zorgtafel.api.partner.InboundMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What keeps hostile XML out: the refusals and the limits, each at its edge. */
class IjwReaderTest {

    private final IjwReader reader = new IjwReader();
    private final Set<Fault> faults = new LinkedHashSet<>();

    @Test
    void wellFormedMessageIsReadAsATreeWithItsText() {
        IjwNode bericht = read("<Bericht xmlns=\"urn:x\"><Client><Bsn> 999990019 </Bsn></Client></Bericht>").orElseThrow();

        assertThat(bericht.namespace()).isEqualTo("urn:x");
        IjwNode bsn = bericht.children().get(0).children().get(0);
        assertThat(bsn.name()).isEqualTo("Bsn");
        assertThat(bsn.text().toString()).isEqualTo(" 999990019 ");
    }

    @Test
    void doctypeEndsReadingWithAFault() {
        assertThat(read("<?xml version=\"1.0\"?><!DOCTYPE Bericht><Bericht/>")).isEmpty();
        assertThat(faults).containsExactly(
                new Fault("body", "has a DOCTYPE, which iJw never has: DTDs and entities are refused"));
    }

    @Test
    void externalEntityIsNeverFetched(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("client.txt"), "dossier-van-de-client");

        Optional<IjwNode> read = read("<!DOCTYPE B [<!ENTITY c SYSTEM \"" + file.toUri() + "\">]><B>&c;</B>");

        assertThat(read).isEmpty();
        assertThat(faults).extracting(Fault::location).containsExactly("body");
        assertThat(faults.toString()).doesNotContain("dossier-van-de-client");
    }

    @Test
    void billionLaughsIsRefusedBeforeAnyExpansion() {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE l [<!ENTITY l0 \"ha\">");
        for (int level = 1; level <= 9; level++) {
            doctype.append("<!ENTITY l").append(level).append(" \"").append(("&l" + (level - 1) + ";").repeat(10)).append("\">");
        }

        assertThat(read(doctype + "]><l>&l9;</l>")).isEmpty();
        assertThat(faults).extracting(Fault::location).containsExactly("body");
    }

    @Test
    void mismatchedEndTagIsNotWellFormedAtItsLineAndColumn() {
        assertThat(read("<Bericht>\n<Client>\n</Bericht>")).isEmpty();
        assertThat(faults).containsExactly(new Fault("line 3, column 3", "is not well-formed XML"));
    }

    @Test
    void depthOfSixtyFourIsReadAndSixtyFiveIsNot() {
        assertThat(read("<e>".repeat(64) + "</e>".repeat(64))).isPresent();
        assertThat(read("<e>".repeat(65) + "</e>".repeat(65))).isEmpty();
        assertThat(faults).containsExactly(new Fault("body", "nests elements more than 64 levels deep"));
    }

    @Test
    void textOfAMillionCharactersIsReadAndOneMoreIsAFaultAtItsElement() {
        assertThat(read("<Bericht><Commentaar>" + "x".repeat(1_000_000) + "</Commentaar></Bericht>")).isPresent();
        assertThat(read("<Bericht><Commentaar>" + "x".repeat(1_000_001) + "</Commentaar></Bericht>")).isEmpty();
        assertThat(faults).containsExactly(new Fault("/Bericht/Commentaar", "holds more than 1000000 characters of text"));
    }

    @Test
    void hundredThousandElementsAreReadAndOneMoreIsNot() {
        assertThat(read("<B>" + "<p/>".repeat(99_999) + "</B>")).isPresent();
        assertThat(read("<B>" + "<p/>".repeat(100_000) + "</B>")).isEmpty();
        assertThat(faults).containsExactly(new Fault("body", "has more than 100000 elements"));
    }

    @Test
    void bodyOfTenMibIsReadAndOneByteMoreIsNot() {
        String start = "<B>";
        String end = "<!---->" + "</B>";
        StringBuilder body = new StringBuilder(start);
        String comment = "<c>" + "x".repeat(999_000) + "</c>";
        while (body.length() + comment.length() + end.length() <= IjwReader.MAX_BYTES) {
            body.append(comment);
        }
        String exactly = body + " ".repeat(IjwReader.MAX_BYTES - body.length() - end.length()) + end;

        assertThat(read(exactly)).isPresent();
        assertThat(read(exactly + " ")).isEmpty();
        assertThat(faults).containsExactly(new Fault("body", "is larger than 10 MiB"));
    }

    @Test
    void emptyBodyIsAFault() {
        assertThat(read("")).isEmpty();
        assertThat(faults).containsExactly(new Fault("body", "is empty"));
    }

    @Test
    void byteThatIsNotUtf8IsAFaultNotAReplacementCharacter() {
        byte[] body = {'<', 'B', '>', (byte) 0xFF, '<', '/', 'B', '>'};

        assertThat(reader.read(message(body), faults)).isEmpty();
        assertThat(faults).containsExactly(new Fault("body", "is not valid UTF-8"));
    }

    @Test
    void byteOrderMarkIsSkipped() {
        assertThat(read("\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?><B/>")).isPresent();
    }

    @Test
    void identificatieIsFoundInTheHeaderWithoutReadingTheClient() {
        String body = "<Bericht><Header><BerichtCode>438</BerichtCode><BerichtIdentificatie><Dagtekening/>"
                + "<Identificatie>HZ-1</Identificatie></BerichtIdentificatie></Header><Client><oops></Bericht>";

        assertThat(reader.identificatie(message(bytes(body)))).contains("HZ-1");
    }

    @Test
    void identificatieIsNotSoughtBehindADoctype() {
        String body = "<!DOCTYPE Bericht><Bericht><Header><BerichtIdentificatie><Identificatie>HZ-1</Identificatie>"
                + "</BerichtIdentificatie></Header></Bericht>";

        assertThat(reader.identificatie(message(bytes(body)))).isEmpty();
    }

    @Test
    void identificatieIsNotSoughtDeeperThanTheHeader() {
        String body = "<Bericht><Header><X><BerichtIdentificatie><Identificatie>HZ-1</Identificatie>"
                + "</BerichtIdentificatie></X></Header></Bericht>";

        assertThat(reader.identificatie(message(bytes(body)))).isEmpty();
    }

    private Optional<IjwNode> read(String body) {
        return reader.read(message(bytes(body)), faults);
    }

    private static InboundMessage message(byte[] body) {
        return new InboundMessage("horizon", "application/xml", StandardCharsets.UTF_8, body);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
