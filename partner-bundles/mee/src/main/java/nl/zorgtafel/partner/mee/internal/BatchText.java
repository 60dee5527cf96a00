package nl.zorgtafel.partner.mee.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The text of a MEE file: its bytes decoded in the charset the request declared, strictly.
 * A byte that is not valid in that charset is a fault naming its line, never a
 * replacement character that would change a name unnoticed.
 *
 * <p>Accepted are UTF-8 (with or without the byte order mark Excel writes) and windows-1252
 * (what Excel writes as "CSV"), and their subsets US-ASCII and ISO-8859-1. A UTF-8 byte
 * order mark decides the charset whatever the request declared: it says UTF-8 plainly, and
 * read as windows-1252 it would become {@code ï»¿} in front of the first column name.
 */
final class BatchText {

    static final Set<Charset> ACCEPTED = Set.of(StandardCharsets.UTF_8, StandardCharsets.US_ASCII,
            StandardCharsets.ISO_8859_1, Charset.forName("windows-1252"));

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int SCRATCH_CHARS = 8192;

    private BatchText() {
    }

    /** The text without a byte order mark, or empty with a fault in {@code faults}. */
    static Optional<String> decode(byte[] body, Charset declared, FaultList faults) {
        boolean bom = startsWithBom(body);
        Charset charset = bom ? StandardCharsets.UTF_8 : declared;
        if (!ACCEPTED.contains(charset)) {
            faults.add(MeeInbound.BODY, "is declared as " + charset.name() + "; send UTF-8 or windows-1252");
            return Optional.empty();
        }
        int start = bom ? UTF8_BOM.length : 0;
        OptionalInt bad = firstUndecodable(body, start, charset);
        if (bad.isPresent()) {
            faults.add("line " + lineAt(body, bad.getAsInt()), "holds bytes that are not valid " + charset.name());
            return Optional.empty();
        }
        // valid throughout, so the JDK's own fast path decodes it to the same text
        return Optional.of(new String(body, start, body.length - start, charset));
    }

    /**
     * The offset of the first byte the charset cannot decode, if any. Decodes through a small
     * buffer that is used again and again: checking a large file costs no second copy of it.
     */
    private static OptionalInt firstUndecodable(byte[] body, int start, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body, start, body.length - start);
        CharBuffer scratch = CharBuffer.allocate(SCRATCH_CHARS);
        CoderResult result;
        do {
            scratch.clear();
            result = decoder.decode(in, scratch, true);
        } while (result.isOverflow());
        if (result.isError()) {
            return OptionalInt.of(in.position());
        }
        do {
            scratch.clear();
            result = decoder.flush(scratch);
        } while (result.isOverflow());
        return result.isError() ? OptionalInt.of(in.position()) : OptionalInt.empty();
    }

    private static boolean startsWithBom(byte[] body) {
        return body.length >= UTF8_BOM.length
                && body[0] == UTF8_BOM[0] && body[1] == UTF8_BOM[1] && body[2] == UTF8_BOM[2];
    }

    /**
     * The 1-based line of the byte at {@code offset}, counting line breaks as {@link CsvReader}
     * does ({@code LF}, {@code CR LF}, a lone {@code CR}); every accepted charset writes them as
     * those single bytes.
     */
    static int lineAt(byte[] body, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < body.length; i++) {
            if (body[i] == '\n' || body[i] == '\r' && (i + 1 >= body.length || body[i + 1] != '\n')) {
                line++;
            }
        }
        return line;
    }
}
