package nl.zorgtafel.partner.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message built to hurt an adapter: too big, too deep, an entity attack, bytes that are
 * not text. The body is built when the test runs, so that fifty megabytes are held only by
 * the one test that needs them.
 */
record HostileInput(String name, Supplier<byte[]> body) {

    /** The text an external entity would pull in; it must never come back out. */
    static final String EXTERNAL_ENTITY_MARKER = "zorgtafel-external-entity-was-resolved";

    static final int HUGE_BYTES = 50 * 1024 * 1024;
    static final int DEPTH = 10_000;

    private static final byte[][] BYTES_INVALID_SOMEWHERE = {
        {(byte) 0xFF}, {(byte) 0xC3, (byte) 0x28}, {(byte) 0x81}, {(byte) 0x8D}
    };

    /** Where text starts in a sample of each family: after the first string, element, header. */
    private static final Pattern JSON_TEXT_START = Pattern.compile("\":\\s*\"");
    private static final Pattern XML_TEXT_START = Pattern.compile(">(?=[^<\\s])");
    private static final Pattern CSV_TEXT_START = Pattern.compile("\n");

    /**
     * The hostile inputs for a format family.
     *
     * @param validSample a valid message, into which the charset attack breaks a few bytes
     */
    static List<HostileInput> forFamily(MediaFamily family, Charset charset, byte[] validSample) {
        List<HostileInput> inputs = new ArrayList<>();
        inputs.add(new HostileInput("empty body", () -> new byte[0]));
        inputs.add(new HostileInput("random binary", HostileInput::randomBinary));
        inputs.add(new HostileInput("50 MB body", () -> huge(family)));
        switch (family) {
            case JSON -> {
                inputs.add(new HostileInput("10,000 nested arrays", () -> ascii("[".repeat(DEPTH) + "]".repeat(DEPTH))));
                inputs.add(new HostileInput("10,000 nested objects",
                        () -> ascii("{\"a\":".repeat(DEPTH) + "1" + "}".repeat(DEPTH))));
            }
            case XML -> {
                inputs.add(new HostileInput("10,000 nested elements",
                        () -> ascii(xmlDeclaration() + "<e>".repeat(DEPTH) + "</e>".repeat(DEPTH))));
                inputs.add(new HostileInput("external entity (XXE)", HostileInput::externalEntity));
                inputs.add(new HostileInput("billion laughs", HostileInput::billionLaughs));
            }
            case CSV -> {
                // CSV does not nest and has no entities
            }
        }
        invalidBytesIn(charset).ifPresent(invalid -> inputs.add(new HostileInput(
                "bytes that are not valid " + charset.name(),
                () -> withInvalidBytes(validSample, charset, invalid, textStart(family)))));
        return inputs;
    }

    private static byte[] randomBinary() {
        byte[] bytes = new byte[64 * 1024];
        new Random(20150511L).nextBytes(bytes);
        return bytes;
    }

    private static byte[] huge(MediaFamily family) {
        return switch (family) {
            case JSON -> padded("{\"data\":\"", 'x', "\"}");
            case XML -> padded(xmlDeclaration() + "<message>", 'x', "</message>");
            case CSV -> padded("a;b;c\n", 'x', "\n");
        };
    }

    private static byte[] padded(String prefix, char filler, String suffix) {
        byte[] start = ascii(prefix);
        byte[] end = ascii(suffix);
        byte[] body = new byte[HUGE_BYTES];
        Arrays.fill(body, (byte) filler);
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(end, 0, body, body.length - end.length, end.length);
        return body;
    }

    private static byte[] externalEntity() {
        try {
            Path secret = Files.createTempFile("zorgtafel-xxe", ".txt");
            secret.toFile().deleteOnExit();
            Files.writeString(secret, EXTERNAL_ENTITY_MARKER);
            return ascii(xmlDeclaration()
                    + "<!DOCTYPE message [<!ENTITY secret SYSTEM \"" + secret.toUri() + "\">]>\n"
                    + "<message>&secret;</message>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] billionLaughs() {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE lolz [\n<!ENTITY lol0 \"lol\">\n");
        for (int level = 1; level <= 9; level++) {
            doctype.append("<!ENTITY lol").append(level).append(" \"")
                    .append(("&lol" + (level - 1) + ";").repeat(10)).append("\">\n");
        }
        doctype.append("]>\n");
        return ascii(xmlDeclaration() + doctype + "<lolz>&lol9;</lolz>");
    }

    private static String xmlDeclaration() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    }

    /** The first of a few byte sequences that the charset cannot decode, if any. */
    static Optional<byte[]> invalidBytesIn(Charset charset) {
        return Arrays.stream(BYTES_INVALID_SOMEWHERE).filter(bytes -> !decodes(charset, bytes)).findFirst();
    }

    private static boolean decodes(Charset charset, byte[] bytes) {
        try {
            charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static Pattern textStart(MediaFamily family) {
        return switch (family) {
            case JSON -> JSON_TEXT_START;
            case XML -> XML_TEXT_START;
            case CSV -> CSV_TEXT_START;
        };
    }

    /**
     * A valid sample with undecodable bytes put where text starts, so that an adapter that
     * decodes leniently (replacement characters) would accept a corrupted message.
     */
    private static byte[] withInvalidBytes(byte[] validSample, Charset charset, byte[] invalid, Pattern textStart) {
        String text = new String(validSample, charset);
        Matcher matcher = textStart.matcher(text);
        int at = matcher.find() ? matcher.end() : 0;
        byte[] before = text.substring(0, at).getBytes(charset);
        byte[] after = text.substring(at).getBytes(charset);
        byte[] body = Arrays.copyOf(before, before.length + invalid.length + after.length);
        System.arraycopy(invalid, 0, body, before.length, invalid.length);
        System.arraycopy(after, 0, body, before.length + invalid.length, after.length);
        return body;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return name;
    }
}
