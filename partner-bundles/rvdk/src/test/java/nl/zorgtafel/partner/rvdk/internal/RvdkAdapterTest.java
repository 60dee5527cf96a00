package nl.zorgtafel.partner.rvdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.zorgtafel.api.partner.Fault;
import nl.zorgtafel.api.partner.InboundMessage;
import nl.zorgtafel.api.partner.InboundResult;
import org.junit.jupiter.api.Test;

class RvdkAdapterTest {

    private final RvdkAdapter adapter = new RvdkAdapter();

    @Test
    void speaksForRvdkInXml() {
        assertThat(adapter.partnerId()).isEqualTo("rvdk");
        assertThat(adapter.inboundMediaTypes()).containsExactlyInAnyOrder("application/xml", "text/xml");
    }

    @Test
    void textXmlIsReadAsApplicationXml() {
        InboundMessage message = new InboundMessage("rvdk", "text/xml", StandardCharsets.UTF_8,
                "<raadsbericht xmlns=\"urn:nl:rvdk:zorgtafel:raadsbericht:1\"/>".getBytes(StandardCharsets.UTF_8));

        assertThat(adapter.translate(message)).isInstanceOf(InboundResult.Rejected.class)
                .extracting(result -> ((InboundResult.Rejected) result).faults())
                .asList().doesNotContain(new Fault("mediaType", "must be application/xml"));
    }

    @Test
    void messageInAnotherMediaTypeIsRejectedUnread() {
        InboundMessage json = new InboundMessage("rvdk", "application/json", StandardCharsets.UTF_8,
                "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(adapter.translate(json)).isEqualTo(InboundResult.rejected(
                List.of(new Fault("mediaType", "must be application/xml"))));
    }
}
