package nl.zorgtafel.performance.loaddriver;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The invented youths the driver reports about: BSNs only from the test range
 * {@code 99999xxxx} that pass the elfproef, names made up from short lists, birth dates
 * between 1997 and 2010. The same seed gives the same youths, so that several runs against
 * one distribution report about the same people and their cases grow.
 */
final class TestYouths {

    /** One invented youth. */
    record Youth(String bsn, String givenName, String familyPrefix, String familyName, LocalDate birthDate) {

        /** The family name as one string, prefix included ("de Vries"). */
        String fullFamilyName() {
            return familyPrefix.isEmpty() ? familyName : familyPrefix + " " + familyName;
        }

        String initials() {
            return givenName.substring(0, 1);
        }
    }

    private static final String[] GIVEN = {"Lisa", "Samira", "Esmee", "Nadia", "Fleur", "Yara", "Noor", "Sanne",
        "Ilse", "Demi", "Kim", "Romy", "Aylin", "Soufiane", "Daan", "Milan", "Jayden", "Bram", "Luuk", "Senna"};
    private static final String[][] FAMILY = {{"de", "Vries"}, {"", "Jansen"}, {"van", "Dijk"}, {"", "Bakker"},
        {"", "Visser"}, {"", "Smit"}, {"", "Meijer"}, {"de", "Boer"}, {"", "Mulder"}, {"de", "Groot"},
        {"", "Bos"}, {"van", "Leeuwen"}, {"", "El Idrissi"}, {"", "Amrani"}, {"", "Yilmaz"}, {"", "Kramer"},
        {"van der", "Berg"}, {"", "Hendriks"}, {"", "Dekker"}, {"", "Brouwer"}};

    private final List<Youth> youths;

    TestYouths(int count, long seed) {
        this(count, seed, false);
    }

    /**
     * @param fromTheEnd take the youths from the other end of the seed's order: a set apart
     *     from {@code new TestYouths(count, seed)} while both fit in the range (a warm-up's)
     */
    TestYouths(int count, long seed, boolean fromTheEnd) {
        if (count < 1 || count > validTestBsns().size()) {
            throw new IllegalArgumentException("youths must be 1.." + validTestBsns().size());
        }
        Random random = new Random(seed);
        List<String> bsns = new ArrayList<>(validTestBsns());
        java.util.Collections.shuffle(bsns, random);
        if (fromTheEnd) {
            java.util.Collections.reverse(bsns);
        }
        List<Youth> made = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String[] family = FAMILY[random.nextInt(FAMILY.length)];
            LocalDate born = LocalDate.of(1997, 1, 1).plusDays(random.nextInt(365 * 13));
            made.add(new Youth(bsns.get(i), GIVEN[random.nextInt(GIVEN.length)], family[0], family[1], born));
        }
        this.youths = List.copyOf(made);
    }

    Youth get(int index) {
        return youths.get(Math.floorMod(index, youths.size()));
    }

    int size() {
        return youths.size();
    }

    List<Youth> all() {
        return youths;
    }

    /** Every number 999990000..999999999 that passes the elfproef (about one in eleven). */
    static List<String> validTestBsns() {
        return Holder.VALID;
    }

    private static final class Holder {
        private static final List<String> VALID = compute();

        private static List<String> compute() {
            List<String> valid = new ArrayList<>();
            for (int n = 999_990_000; n <= 999_999_999; n++) {
                String digits = Integer.toString(n);
                if (passesElfproef(digits)) {
                    valid.add(digits);
                }
            }
            return List.copyOf(valid);
        }
    }

    /** 9·d1 + 8·d2 + … + 2·d8 − d9 is a non-zero multiple of 11. */
    static boolean passesElfproef(String nineDigits) {
        if (nineDigits == null || !nineDigits.matches("[0-9]{9}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (nineDigits.charAt(i) - '0');
        }
        sum -= nineDigits.charAt(8) - '0';
        return sum != 0 && sum % 11 == 0;
    }
}
