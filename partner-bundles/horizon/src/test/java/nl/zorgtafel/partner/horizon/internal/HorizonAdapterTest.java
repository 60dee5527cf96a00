package nl.zorgtafel.partner.horizon.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.zorgtafel.api.partner.Fault;
import nl.zorgtafel.api.partner.InboundMessage;
import nl.zorgtafel.api.partner.InboundResult;
import org.junit.jupiter.api.Test;

class HorizonAdapterTest {

    private final HorizonAdapter adapter = new HorizonAdapter();

    @Test
    void speaksForHorizonInXmlAsApplicationOrTextXml() {
        assertThat(adapter.partnerId()).isEqualTo("horizon");
        assertThat(adapter.inboundMediaTypes()).containsExactlyInAnyOrder("application/xml", "text/xml");
    }

    @Test
    void jsonIsRejectedUnread() {
        InboundMessage json = new InboundMessage("horizon", "application/json", StandardCharsets.UTF_8,
                "{\"messageId\":\"x\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(adapter.translate(json)).isEqualTo(InboundResult.rejected(
                List.of(new Fault("mediaType", "must be application/xml"))));
    }
}
