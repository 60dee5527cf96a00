package nl.zorgtafel.partner.rvdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import nl.zorgtafel.api.partner.InboundMessage;
import nl.zorgtafel.api.partner.InboundResult;
import org.junit.jupiter.api.Test;

/** Found by the testkit's fuzzing: a body whose first bytes are not UTF-8 made the reader throw. */
class UndecodableStartTest {

    @Test
    void aBodyThatCannotBeDecodedFromItsFirstByteIsRejectedNotThrown() {
        byte[] body = {(byte) 0xC3, (byte) 0x28, '<', 'a', '/', '>'};
        InboundResult result = new RaadsberichtInbound().translate(new InboundMessage("rvdk", "application/xml",
                StandardCharsets.UTF_8, body));

        assertThat(result).isInstanceOf(InboundResult.Rejected.class);
    }
}
