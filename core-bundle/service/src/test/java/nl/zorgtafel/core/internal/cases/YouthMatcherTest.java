package nl.zorgtafel.core.internal.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import nl.zorgtafel.api.model.YouthIdentity;
import nl.zorgtafel.core.internal.crypto.Cipher;
import nl.zorgtafel.core.internal.crypto.KeyRing;
import nl.zorgtafel.core.internal.crypto.Pseudonymizer;
import nl.zorgtafel.core.internal.store.Transactions;
import nl.zorgtafel.core.internal.testing.TestBsns;
import nl.zorgtafel.core.internal.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class YouthMatcherTest {

    @RegisterExtension
    static final TestDatabase DATABASE = new TestDatabase();

    private static final Instant NOW = Instant.parse("2024-03-04T09:00:00Z");

    private final KeyRing keys = KeyRing.generate();
    private final Cipher cipher = new Cipher(keys);
    private final Pseudonymizer pseudonymizer = new Pseudonymizer(keys);
    private final YouthMatcher matcher = new YouthMatcher(pseudonymizer, cipher);
    private final Transactions transactions = DATABASE.transactions();

    private final YouthIdentity sem = new YouthIdentity(TestBsns.bsn("999990032"), "Sem", "Proefman",
            LocalDate.of(2009, 1, 23));

    @Test
    void theBsnIsStoredOnlyEncryptedBesideItsPseudonym() {
        transactions.run(store -> matcher.match(store, sem, NOW));

        String encrypted = (String) DATABASE.single("SELECT bsn_encrypted FROM youth");
        assertThat(encrypted).doesNotContain("999990032");
        assertThat(cipher.decryptText(encrypted)).isEqualTo("999990032");
        assertThat(DATABASE.single("SELECT bsn_pseudonym FROM youth")).isEqualTo(pseudonymizer.pseudonymOf(sem.bsn()));
    }

    @Test
    void aKnownBsnIsMatchedThroughItsPseudonym() {
        YouthMatcher.Match registered = transactions.run(store -> matcher.match(store, sem, NOW));

        YouthMatcher.Match found = transactions.run(store -> matcher.match(store,
                new YouthIdentity(TestBsns.bsn("999990032"), "", "Proefman", null), NOW));

        assertThat(found).isEqualTo(new YouthMatcher.Match(registered.youthId(), true));
    }

    @Test
    void aYouthWithoutBsnIsStoredWithoutPseudonym() {
        transactions.run(store -> matcher.match(store, new YouthIdentity(null, "Lina", "Zondernummer", null), NOW));

        assertThat(DATABASE.count("SELECT COUNT(*) FROM youth WHERE bsn_pseudonym IS NULL AND bsn_encrypted IS NULL"))
                .isOne();
    }
}
