package nl.zorgtafel.core.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.charset.StandardCharsets;
import nl.zorgtafel.core.internal.testing.TestBsns;
import org.junit.jupiter.api.Test;

class CipherTest {

    private final Cipher cipher = new Cipher(KeyRing.generate());

    @Test
    void whatIsEncryptedDecryptsToTheSameBytes() {
        byte[] plain = "Noor Testdal, gezien bij het station".getBytes(StandardCharsets.UTF_8);

        assertThat(cipher.decrypt(cipher.encrypt(plain))).isEqualTo(plain);
    }

    @Test
    void textRoundTripsThroughItsBase64Form() {
        String bsn = TestBsns.digits("999990019");

        String stored = cipher.encryptText(bsn);

        assertThat(stored).doesNotContain(bsn);
        assertThat(cipher.decryptText(stored)).isEqualTo(bsn);
    }

    @Test
    void anEmptyValueRoundTrips() {
        assertThat(cipher.decrypt(cipher.encrypt(new byte[0]))).isEmpty();
    }

    @Test
    void theSameValueEncryptsDifferentlyEachTime() {
        byte[] plain = TestBsns.digits("999990019").getBytes(StandardCharsets.US_ASCII);

        assertThat(cipher.encrypt(plain)).isNotEqualTo(cipher.encrypt(plain));
    }

    @Test
    void theCiphertextNeverContainsThePlaintext() {
        String plain = "bsn " + TestBsns.digits("999990019") + " of Sem Proefman";

        byte[] sealed = cipher.encrypt(plain.getBytes(StandardCharsets.UTF_8));

        String asText = new String(sealed, StandardCharsets.ISO_8859_1);
        assertThat(asText).doesNotContain("999990019").doesNotContain("Proefman");
    }

    @Test
    void alteredCiphertextFailsToDecrypt() {
        byte[] sealed = cipher.encrypt("a concern".getBytes(StandardCharsets.UTF_8));
        sealed[sealed.length - 3] ^= 0x01;

        assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt(sealed))
                .withMessageContaining("altered");
    }

    @Test
    void ciphertextOfAnotherKeyRingFailsToDecrypt() {
        byte[] sealed = new Cipher(KeyRing.generate()).encrypt("a concern".getBytes(StandardCharsets.UTF_8));

        assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt(sealed));
    }

    @Test
    void bytesThatThisCipherDidNotWriteAreRefused() {
        byte[] notOurs = "no key id in front of these bytes at all".getBytes(StandardCharsets.US_ASCII);

        assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt(notOurs));
    }
}
