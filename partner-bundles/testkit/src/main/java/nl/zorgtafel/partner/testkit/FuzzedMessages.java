package nl.zorgtafel.partner.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Messages for property-based fuzzing: a valid sample of the adapter, damaged the ways a
 * partner's system or an attacker damages messages — bytes flipped, cut short, a piece
 * repeated or dropped, hostile text (markup, entities, quotes, control characters, a test
 * BSN, deep nesting) put in anywhere — and arbitrary bytes.
 */
final class FuzzedMessages {

    /** Text an attacker or a broken export puts into a message. */
    private static final List<String> HOSTILE_TEXT = List.of("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>",
            "&e;", "<![CDATA[", "]]>", "\"", "\\", "{", "}", "[", "]", "<", ">", ",", ";", "\n", "\r\n", "\u0000",
            "\uFEFF", "\uD800", "999990019", "null", "true", "-1", "1e999999", "9".repeat(400),
            "[".repeat(2_000), "{\"a\":".repeat(500), "<a>".repeat(500), "\"\"\"", "=cmd|' /C calc'!A0");

    private FuzzedMessages() {
    }

    static Arbitrary<byte[]> mutationsOf(List<byte[]> samples) {
        if (samples.isEmpty()) {
            return arbitraryBytes();
        }
        return Arbitraries.of(samples).flatMap(sample -> Arbitraries.oneOf(
                flipped(sample), truncated(sample), inserted(sample), dropped(sample), repeated(sample)));
    }

    static Arbitrary<byte[]> arbitraryBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(4_096);
    }

    private static Arbitrary<byte[]> flipped(byte[] sample) {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, Math.max(0, sample.length - 1));
        return Combinators.combine(position.list().ofMinSize(1).ofMaxSize(8), Arbitraries.bytes().list().ofSize(8))
                .as((positions, values) -> {
                    byte[] copy = sample.clone();
                    for (int i = 0; i < positions.size() && copy.length > 0; i++) {
                        copy[positions.get(i)] = values.get(i);
                    }
                    return copy;
                });
    }

    private static Arbitrary<byte[]> truncated(byte[] sample) {
        return Arbitraries.integers().between(0, sample.length).map(end -> Arrays.copyOf(sample, end));
    }

    private static Arbitrary<byte[]> inserted(byte[] sample) {
        Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.of(HOSTILE_TEXT),
                Arbitraries.strings().ofMaxLength(64));
        return Combinators.combine(Arbitraries.integers().between(0, sample.length), text).as((at, piece) -> {
            byte[] bytes = piece.getBytes(StandardCharsets.UTF_8);
            byte[] copy = new byte[sample.length + bytes.length];
            System.arraycopy(sample, 0, copy, 0, at);
            System.arraycopy(bytes, 0, copy, at, bytes.length);
            System.arraycopy(sample, at, copy, at + bytes.length, sample.length - at);
            return copy;
        });
    }

    private static Arbitrary<byte[]> dropped(byte[] sample) {
        Arbitrary<Integer> from = Arbitraries.integers().between(0, sample.length);
        return Combinators.combine(from, Arbitraries.integers().between(1, 200)).as((start, length) -> {
            int end = Math.min(sample.length, start + length);
            byte[] copy = new byte[sample.length - (end - start)];
            System.arraycopy(sample, 0, copy, 0, start);
            System.arraycopy(sample, end, copy, start, sample.length - end);
            return copy;
        });
    }

    private static Arbitrary<byte[]> repeated(byte[] sample) {
        Arbitrary<Integer> from = Arbitraries.integers().between(0, sample.length);
        return Combinators.combine(from, Arbitraries.integers().between(1, 300), Arbitraries.integers().between(2, 20))
                .as((start, length, times) -> {
                    int end = Math.min(sample.length, start + length);
                    byte[] piece = Arrays.copyOfRange(sample, start, end);
                    byte[] copy = new byte[sample.length + piece.length * (times - 1)];
                    System.arraycopy(sample, 0, copy, 0, end);
                    for (int i = 1; i < times; i++) {
                        System.arraycopy(piece, 0, copy, end + piece.length * (i - 1), piece.length);
                    }
                    System.arraycopy(sample, end, copy, end + piece.length * (times - 1), sample.length - end);
                    return copy;
                });
    }
}
