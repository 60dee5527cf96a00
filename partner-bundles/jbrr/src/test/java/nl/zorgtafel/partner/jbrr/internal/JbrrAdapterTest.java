package nl.zorgtafel.partner.jbrr.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.zorgtafel.api.partner.Fault;
import nl.zorgtafel.api.partner.InboundMessage;
import nl.zorgtafel.api.partner.InboundResult;
import org.junit.jupiter.api.Test;

class JbrrAdapterTest {

    private final JbrrAdapter adapter = new JbrrAdapter();

    @Test
    void speaksForJbrrInCanonicalJson() {
        assertThat(adapter.partnerId()).isEqualTo("jbrr");
        assertThat(adapter.inboundMediaTypes()).containsExactly("application/json");
    }

    @Test
    void messageInAnotherMediaTypeIsRejectedUnread() {
        InboundMessage text = new InboundMessage("jbrr", "text/plain", StandardCharsets.UTF_8,
                "{\"messageId\":\"m-1\",\"signals\":[]}".getBytes(StandardCharsets.UTF_8));

        assertThat(adapter.translate(text))
                .isEqualTo(InboundResult.rejected(List.of(new Fault("mediaType", "must be application/json"))));
    }

    @Test
    void messageIdIsTheMessagesOwn() {
        InboundMessage message = new InboundMessage("jbrr", "application/json", StandardCharsets.UTF_8,
                "{\"messageId\":\"jbrr-cit-2015-0527-001\",\"signals\":[]}".getBytes(StandardCharsets.UTF_8));

        assertThat(adapter.messageId(message)).contains("jbrr-cit-2015-0527-001");
    }
}
