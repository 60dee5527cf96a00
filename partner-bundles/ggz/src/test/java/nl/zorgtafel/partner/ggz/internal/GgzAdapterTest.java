package nl.zorgtafel.partner.ggz.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.zorgtafel.api.partner.Fault;
import nl.zorgtafel.api.partner.InboundMessage;
import nl.zorgtafel.api.partner.InboundResult;
import org.junit.jupiter.api.Test;

class GgzAdapterTest {

    private final GgzAdapter adapter = new GgzAdapter();

    @Test
    void speaksForGgzInFhirJson() {
        assertThat(adapter.partnerId()).isEqualTo("ggz");
        assertThat(adapter.inboundMediaTypes()).containsExactly("application/fhir+json");
    }

    @Test
    void messageInAnotherMediaTypeIsRejectedUnread() {
        InboundMessage xml = new InboundMessage("ggz", "application/fhir+xml", StandardCharsets.UTF_8,
                "<Bundle xmlns=\"http://hl7.org/fhir\"/>".getBytes(StandardCharsets.UTF_8));

        assertThat(adapter.translate(xml)).isEqualTo(InboundResult.rejected(
                List.of(new Fault("mediaType", "must be application/fhir+json"))));
    }
}
