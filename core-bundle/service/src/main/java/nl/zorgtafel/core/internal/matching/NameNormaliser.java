package nl.zorgtafel.core.internal.matching;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reduces a name to what identifies a person across records: lower case, without
 * diacritics ({@code Zoë} is {@code zoe}), without punctuation, split into words, and with
 * the family name's prefixes (tussenvoegsels: {@code de}, {@code van der}, {@code 't}, …)
 * set apart, wherever a record put them ({@code de Vries}, {@code Vries, de}).
 */
public final class NameNormaliser {

    /**
     * The words that precede a family name without being part of what identifies it: the
     * Dutch tussenvoegsels, their French and German cousins, and the Arabic article, which
     * records write as a prefix as often as not.
     */
    static final Set<String> PREFIXES = Set.of("de", "der", "den", "des", "van", "vande", "vander", "vanden",
            "ter", "ten", "te", "'t", "het", "in", "op", "onder", "over", "uit", "aan", "bij", "voor", "la", "le",
            "les", "du", "d'", "l'", "von", "zu", "vom", "el", "al");

    /** Letters that Unicode decomposition leaves alone. */
    private static final Map<Character, String> LETTERS = Map.ofEntries(Map.entry('ß', "ss"), Map.entry('æ', "ae"),
            Map.entry('œ', "oe"), Map.entry('ø', "o"), Map.entry('ł', "l"), Map.entry('đ', "d"), Map.entry('ð', "d"),
            Map.entry('þ', "th"), Map.entry('ı', "i"), Map.entry('ĳ', "ij"));

    private NameNormaliser() {
    }

    /** Lower case, diacritics and special letters folded to ASCII, apostrophes made one. */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text.strip(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        StringBuilder folded = new StringBuilder(decomposed.length());
        for (char c : decomposed.toCharArray()) {
            String replacement = LETTERS.get(c);
            if (replacement != null) {
                folded.append(replacement);
            } else if (c == '’' || c == '‘' || c == '`' || c == '´') {
                folded.append('\'');
            } else {
                folded.append(c);
            }
        }
        return folded.toString();
    }

    /** The words of a name: letters and digits, split on anything else; {@code 't}, {@code d'} kept whole. */
    public static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        for (String raw : fold(name).split("[^a-z0-9']+")) {
            String word = raw;
            if (word.length() > 2 && (word.startsWith("d'") || word.startsWith("l'"))) {
                words.add(word.substring(0, 2));
                word = word.substring(2);
            }
            if (!word.equals("'t") && !word.equals("d'") && !word.equals("l'")) {
                word = word.replace("'", "");
            }
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** A name as matching compares it. */
    public static NormalisedName normalise(String givenName, String familyName) {
        List<String> given = words(givenName);
        List<String> family = words(familyName);
        List<String> core = family.stream().filter(word -> !PREFIXES.contains(word)).toList();
        if (core.isEmpty()) {
            // a family name made only of prefix words (Van, Ter) is itself
            core = family;
        }
        return new NormalisedName(given, core, String.join("", family).replace("'", ""));
    }

    /**
     * A name reduced for comparison.
     *
     * @param given the given names' words
     * @param familyCore the family name's words without its prefixes
     * @param familyJoined the whole family name, prefixes included, as one word
     *     ({@code van der Berg} and {@code Vanderberg} are both {@code vanderberg})
     */
    public record NormalisedName(List<String> given, List<String> familyCore, String familyJoined) {

        public NormalisedName {
            given = List.copyOf(given);
            familyCore = List.copyOf(familyCore);
        }

        /** The family name without prefixes, as one word. */
        public String familyKey() {
            return String.join("", familyCore);
        }

        public boolean hasGivenName() {
            return !given.isEmpty();
        }

        /** Every identifying word of the name, given and family, in no order. */
        public Set<String> allWords() {
            Set<String> words = new java.util.TreeSet<>(given);
            words.addAll(familyCore);
            return words;
        }

        @Override
        public String toString() {
            return "NormalisedName[words=" + (given.size() + familyCore.size()) + "]";
        }
    }
}
