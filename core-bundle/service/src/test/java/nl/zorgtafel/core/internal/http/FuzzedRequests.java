package nl.zorgtafel.core.internal.http;

import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.random.RandomGenerator;

/**
 * Request bodies and content types for fuzzing the API: a valid JSON body cut short, with
 * hostile text put in or put in place of its first string value, or arbitrary text; a content
 * type that is not JSON. Each request is drawn from its own generator, made from a seed and
 * the request's index: the seed is fixed, so that every build sends the same requests, and
 * {@code -Dzorgtafel.fuzz.seed=<long>} sets another (to try others, or to bring a failing
 * request back); {@code -Dzorgtafel.fuzz.scale=<factor>} multiplies the number of requests.
 */
final class FuzzedRequests {

    static final long SEED = Long.parseLong(System.getProperty("zorgtafel.fuzz.seed", "20150511"));
    private static final double SCALE = Double.parseDouble(System.getProperty("zorgtafel.fuzz.scale", "1"));

    private static final int MAX_INSERTED_TEXT = 40;
    private static final int MAX_ARBITRARY_BODY = 200;
    private static final int MAX_MEDIA_SUBTYPE = 20;

    /** JSON values an attacker or a broken client sends. */
    private static final List<String> HOSTILE_VALUES = List.of("\"999990019\"", "null", "[]", "{}", "\"\"",
            "1e99999", "\"2026-02-30\"", "\"" + "x".repeat(5_000) + "\"", "{\"a\":".repeat(100), "\\u0000", "true",
            "-1", "\"<script>\"", "\"../../etc/passwd\"", "\"; DROP TABLE youth; --\"");

    /** Content types that are not JSON, besides {@code text/<anything>}. */
    private static final List<String> NOT_JSON = List.of("text/plain", "application/xml", "multipart/form-data",
            "application/x-www-form-urlencoded", "application/jsonx", "");

    private FuzzedRequests() {
    }

    /** How many requests a property sends: its tries times the scale, at least one. */
    static int tries(int tries) {
        return (int) Math.max(1, Math.round(tries * SCALE));
    }

    /**
     * The generator of request {@code index}: the same for the same seed and index, however
     * many requests are sent. The golden-ratio constant spreads the seed, so that neighbouring
     * seeds do not share requests shifted by one.
     */
    static RandomGenerator random(int index) {
        return new SplittableRandom(SEED * 0x9E3779B97F4A7C15L + index);
    }

    /** The valid body damaged one of four ways. */
    static String damaged(String valid, RandomGenerator random) {
        return switch (random.nextInt(4)) {
            case 0 -> {
                int at = position(valid, random);
                String text = random.nextBoolean() ? hostileValue(random) : arbitraryText(random, MAX_INSERTED_TEXT);
                yield valid.substring(0, at) + text + valid.substring(at);
            }
            case 1 -> valid.substring(0, position(valid, random));
            case 2 -> valid.replaceFirst(":\"[^\"]*\"", Matcher.quoteReplacement(":" + hostileValue(random)));
            default -> arbitraryText(random, MAX_ARBITRARY_BODY);
        };
    }

    /** A content type the API does not read: one of a few known ones, or {@code text/} and letters. */
    static String notJson(RandomGenerator random) {
        if (random.nextBoolean()) {
            return NOT_JSON.get(random.nextInt(NOT_JSON.size()));
        }
        StringBuilder subtype = new StringBuilder();
        for (int length = random.nextInt(1, MAX_MEDIA_SUBTYPE + 1); subtype.length() < length; ) {
            char letter = (char) ('a' + random.nextInt(26));
            subtype.append(random.nextBoolean() ? letter : Character.toUpperCase(letter));
        }
        return "text/" + subtype;
    }

    /** A position from 0 to the body's length; either end more often than its share, as parsers break there. */
    private static int position(String valid, RandomGenerator random) {
        return switch (random.nextInt(8)) {
            case 0 -> 0;
            case 1 -> valid.length();
            default -> random.nextInt(valid.length() + 1);
        };
    }

    private static String hostileValue(RandomGenerator random) {
        return HOSTILE_VALUES.get(random.nextInt(HOSTILE_VALUES.size()));
    }

    /**
     * Up to {@code maxLength} characters of any kind: printable ASCII, control characters, the
     * rest of the basic plane (lone surrogates too) and characters beyond it.
     */
    private static String arbitraryText(RandomGenerator random, int maxLength) {
        int length = random.nextInt(maxLength + 1);
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
