package nl.zorgtafel.partner.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * Messages for fuzzing: a valid sample of the adapter, damaged the ways a partner's system or
 * an attacker damages messages — bytes flipped, cut short, a piece repeated or dropped,
 * hostile text (markup, entities, quotes, control characters, a test BSN, deep nesting) put
 * in anywhere — and arbitrary bytes. Everything is drawn from the generator the caller
 * passes, so that the same seed gives the same messages.
 */
final class FuzzedMessages {

    static final int MAX_ARBITRARY_BYTES = 4_096;
    private static final int SHORT_ARRAY = 64;
    private static final int MAX_ARBITRARY_TEXT = 64;
    private static final int MAX_FLIPS = 8;
    private static final int MAX_DROPPED = 200;
    private static final int MAX_REPEATED = 300;
    private static final int MAX_REPEATS = 20;
    /** Bounds the search for a shorter failing message, so that it stays a few dozen calls. */
    private static final int MAX_SHRINK_STEPS = 64;

    /** Text an attacker or a broken export puts into a message. */
    private static final List<String> HOSTILE_TEXT = List.of("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>",
            "&e;", "<![CDATA[", "]]>", "\"", "\\", "{", "}", "[", "]", "<", ">", ",", ";", "\n", "\r\n", "\u0000",
            "\uFEFF", "\uD800", "999990019", "null", "true", "-1", "1e999999", "9".repeat(400),
            "[".repeat(2_000), "{\"a\":".repeat(500), "<a>".repeat(500), "\"\"\"", "=cmd|' /C calc'!A0");

    private FuzzedMessages() {
    }

    /** One of the samples, damaged one of five ways; arbitrary bytes when there is no sample. */
    static byte[] damaged(List<byte[]> samples, RandomGenerator random) {
        if (samples.isEmpty()) {
            return arbitraryBytes(random);
        }
        byte[] sample = samples.get(random.nextInt(samples.size()));
        return switch (random.nextInt(5)) {
            case 0 -> flipped(sample, random);
            case 1 -> truncated(sample, random);
            case 2 -> inserted(sample, random);
            case 3 -> dropped(sample, random);
            default -> repeated(sample, random);
        };
    }

    /** Up to 4 KiB of arbitrary bytes; empty, one byte and short arrays more often than their share. */
    static byte[] arbitraryBytes(RandomGenerator random) {
        int length = switch (random.nextInt(4)) {
            case 0 -> random.nextInt(2);
            case 1 -> random.nextInt(SHORT_ARRAY + 1);
            default -> random.nextInt(MAX_ARBITRARY_BYTES + 1);
        };
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /**
     * The length of a short prefix of {@code body} that still fails: cuts ever smaller pieces
     * off the end while the rest fails, so that a failure can be reported as the smallest
     * case found, in a few dozen tries at most.
     */
    static int shortestFailingPrefix(byte[] body, Predicate<byte[]> fails) {
        int length = body.length;
        int cut = Integer.highestOneBit(length);
        for (int step = 0; cut > 0 && step < MAX_SHRINK_STEPS; step++) {
            if (cut <= length && fails.test(Arrays.copyOf(body, length - cut))) {
                length -= cut;
            } else {
                cut /= 2;
            }
        }
        return length;
    }

    private static byte[] flipped(byte[] sample, RandomGenerator random) {
        byte[] copy = sample.clone();
        int flips = random.nextInt(1, MAX_FLIPS + 1);
        for (int i = 0; i < flips && copy.length > 0; i++) {
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        return copy;
    }

    private static byte[] truncated(byte[] sample, RandomGenerator random) {
        return Arrays.copyOf(sample, position(sample, random));
    }

    private static byte[] inserted(byte[] sample, RandomGenerator random) {
        int at = position(sample, random);
        String text = random.nextBoolean()
                ? HOSTILE_TEXT.get(random.nextInt(HOSTILE_TEXT.size()))
                : arbitraryText(random);
        byte[] piece = text.getBytes(StandardCharsets.UTF_8);
        byte[] copy = new byte[sample.length + piece.length];
        System.arraycopy(sample, 0, copy, 0, at);
        System.arraycopy(piece, 0, copy, at, piece.length);
        System.arraycopy(sample, at, copy, at + piece.length, sample.length - at);
        return copy;
    }

    private static byte[] dropped(byte[] sample, RandomGenerator random) {
        int start = position(sample, random);
        int end = Math.min(sample.length, start + random.nextInt(1, MAX_DROPPED + 1));
        byte[] copy = new byte[sample.length - (end - start)];
        System.arraycopy(sample, 0, copy, 0, start);
        System.arraycopy(sample, end, copy, start, sample.length - end);
        return copy;
    }

    private static byte[] repeated(byte[] sample, RandomGenerator random) {
        int start = position(sample, random);
        int end = Math.min(sample.length, start + random.nextInt(1, MAX_REPEATED + 1));
        int times = random.nextInt(2, MAX_REPEATS + 1);
        byte[] piece = Arrays.copyOfRange(sample, start, end);
        byte[] copy = new byte[sample.length + piece.length * (times - 1)];
        System.arraycopy(sample, 0, copy, 0, end);
        for (int i = 1; i < times; i++) {
            System.arraycopy(piece, 0, copy, end + piece.length * (i - 1), piece.length);
        }
        System.arraycopy(sample, end, copy, end + piece.length * (times - 1), sample.length - end);
        return copy;
    }

    /** A position from 0 to the sample's length; either end more often than its share, as parsers break there. */
    private static int position(byte[] sample, RandomGenerator random) {
        return switch (random.nextInt(8)) {
            case 0 -> 0;
            case 1 -> sample.length;
            default -> random.nextInt(sample.length + 1);
        };
    }

    /**
     * Up to 64 characters of any kind: printable ASCII, control characters, the rest of the
     * basic plane (lone surrogates too) and characters beyond it.
     */
    private static String arbitraryText(RandomGenerator random) {
        int length = random.nextInt(MAX_ARBITRARY_TEXT + 1);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(switch (random.nextInt(4)) {
                case 0 -> random.nextInt(0x20, 0x7F);
                case 1 -> random.nextInt(0x20);
                case 2 -> random.nextInt(0x80, Character.MIN_SUPPLEMENTARY_CODE_POINT);
                default -> random.nextInt(Character.MIN_SUPPLEMENTARY_CODE_POINT, Character.MAX_CODE_POINT + 1);
            });
        }
        return text.toString();
    }
}
