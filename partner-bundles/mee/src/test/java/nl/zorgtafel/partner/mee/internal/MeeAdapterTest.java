package nl.zorgtafel.partner.mee.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.zorgtafel.api.partner.Fault;
import nl.zorgtafel.api.partner.InboundMessage;
import nl.zorgtafel.api.partner.InboundResult;
import org.junit.jupiter.api.Test;

class MeeAdapterTest {

    private final MeeAdapter adapter = new MeeAdapter();

    @Test
    void speaksForMeeInCsv() {
        assertThat(adapter.partnerId()).isEqualTo("mee");
        assertThat(adapter.inboundMediaTypes()).containsExactly("text/csv");
    }

    @Test
    void messageInAnotherMediaTypeIsRejectedUnread() {
        InboundMessage excel = new InboundMessage("mee", "application/vnd.ms-excel", StandardCharsets.UTF_8,
                MeeInboundTest.HEADER.getBytes(StandardCharsets.UTF_8));

        assertThat(adapter.translate(excel))
                .isEqualTo(InboundResult.rejected(List.of(new Fault("mediaType", "must be text/csv"))));
    }

    @Test
    void fileDeclaredInWindows1252IsReadInWindows1252() {
        byte[] body = (MeeInboundTest.HEADER
                + "999990214;Zoë;René;19-03-2001;MEE-88301;clientondersteuning;02-02-2015;;;\r\n")
                .getBytes(Charset.forName("windows-1252"));

        InboundResult result = adapter.translate(new InboundMessage("mee", "text/csv",
                Charset.forName("windows-1252"), body));

        assertThat(((InboundResult.Translated) result).events().get(0).youth().givenName()).isEqualTo("Zoë");
    }
}
