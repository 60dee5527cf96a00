package nl.zorgtafel.partner.mee.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import nl.zorgtafel.api.partner.Fault;
import org.junit.jupiter.api.Test;

class BatchTextTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final FaultList faults = new FaultList(10);

    @Test
    void utf8IsDecoded() {
        assertThat(BatchText.decode("Zoë;Chloé".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, faults))
                .contains("Zoë;Chloé");
    }

    @Test
    void utf8ByteOrderMarkIsStripped() {
        byte[] body = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'b', 's', 'n'};

        assertThat(BatchText.decode(body, StandardCharsets.UTF_8, faults)).contains("bsn");
    }

    @Test
    void byteOrderMarkWinsOverADeclaredWindows1252() {
        byte[] body = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'Z', 'o', (byte) 0xC3, (byte) 0xAB};

        assertThat(BatchText.decode(body, WINDOWS_1252, faults)).contains("Zoë");
    }

    @Test
    void windows1252IsDecodedWhenDeclaredIncludingWhatLatin1LacksLikeCurlyQuotes() {
        byte[] body = {'Z', 'o', (byte) 0xEB, ' ', (byte) 0x84, 'x', (byte) 0x93};

        assertThat(BatchText.decode(body, WINDOWS_1252, faults)).contains("Zoë „x“");
    }

    @Test
    void byteInvalidInUtf8IsAFaultNamingItsLineNotAReplacementCharacter() {
        byte[] body = "kop\nLisa\nJo".getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[body.length + 1];
        System.arraycopy(body, 0, broken, 0, body.length);
        broken[body.length] = (byte) 0xEB;

        Optional<String> text = BatchText.decode(broken, StandardCharsets.UTF_8, faults);

        assertThat(text).isEmpty();
        assertThat(faults.list()).containsExactly(new Fault("line 3", "holds bytes that are not valid UTF-8"));
    }

    @Test
    void byteUndefinedInWindows1252IsAFault() {
        byte[] body = {'a', '\r', '\n', 'J', 'o', (byte) 0x81, 'l'};

        assertThat(BatchText.decode(body, WINDOWS_1252, faults)).isEmpty();
        assertThat(faults.list()).containsExactly(new Fault("line 2", "holds bytes that are not valid windows-1252"));
    }

    @Test
    void charsetOtherThanUtf8OrWindows1252IsAFault() {
        assertThat(BatchText.decode("a".getBytes(StandardCharsets.UTF_16), StandardCharsets.UTF_16, faults)).isEmpty();
        assertThat(faults.list()).extracting(Fault::location).containsExactly("body");
    }

    @Test
    void lineOfAByteCountsCrLfLfAndLoneCrOnce() {
        byte[] body = "a\r\nb\nc\rd".getBytes(StandardCharsets.US_ASCII);

        assertThat(BatchText.lineAt(body, body.length - 1)).isEqualTo(4);
        assertThat(BatchText.lineAt(body, 0)).isEqualTo(1);
    }
}
