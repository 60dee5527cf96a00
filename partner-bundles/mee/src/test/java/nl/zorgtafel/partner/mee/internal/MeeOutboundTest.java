package nl.zorgtafel.partner.mee.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import nl.zorgtafel.api.model.Agreement;
import nl.zorgtafel.api.partner.Notification;
import nl.zorgtafel.api.partner.RenderedMessage;
import org.junit.jupiter.api.Test;

class MeeOutboundTest {

    private static final String HEADER = "notificatie_id;soort;casus_id;naam;geboortedatum;samenvatting;aangemaakt;"
            + "afspraak_id;afspraak_omschrijving;afspraak_eigenaar;afspraak_deadline;afspraak_status";
    private static final Instant MAY_27_2015_NOON_IN_ROTTERDAM = Instant.parse("2015-05-27T10:00:00Z");

    private final MeeOutbound outbound = new MeeOutbound();

    private static Notification aboutLisa(Notification.Kind kind, String summary, Agreement agreement) {
        return new Notification("n-0001", kind, "case-rtm-0007", "Lisa de Vries", LocalDate.of(1997, 11, 3), summary,
                MAY_27_2015_NOON_IN_ROTTERDAM, agreement);
    }

    private RenderedMessage renderedOnce(Notification notification) {
        List<RenderedMessage> rendered = outbound.render(notification);
        assertThat(rendered).hasSize(1);
        return rendered.get(0);
    }

    /** The file's text after its byte order mark. */
    private static List<String> lines(RenderedMessage message) {
        String text = new String(message.body(), 3, message.body().length - 3, StandardCharsets.UTF_8);
        return Arrays.asList(text.split("\r\n"));
    }

    @Test
    void notificationIsOneCsvFileNamedAfterItsId() {
        RenderedMessage message = renderedOnce(aboutLisa(Notification.Kind.MATCH, "Signaal van GGZ", null));

        assertThat(message.mediaType()).isEqualTo("text/csv");
        assertThat(message.target()).isEqualTo("notificatie_n-0001.csv");
    }

    @Test
    void fileIsUtf8WithAByteOrderMarkSoExcelShowsAccents() {
        RenderedMessage message = renderedOnce(new Notification("n-2", Notification.Kind.MATCH, "c", "Zoë René",
                null, "", MAY_27_2015_NOON_IN_ROTTERDAM, null));

        assertThat(Arrays.copyOf(message.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(lines(message).get(1)).contains("Zoë René");
    }

    @Test
    void crisisSignalIsAHeaderAndOneRowWithDatesAsMeeWritesThem() {
        RenderedMessage message = renderedOnce(aboutLisa(Notification.Kind.CRISIS_SIGNAL,
                "Crisissignaal van JBRR", null));

        assertThat(lines(message)).containsExactly(HEADER,
                "n-0001;crisis-signal;case-rtm-0007;Lisa de Vries;03-11-1997;Crisissignaal van JBRR;"
                        + "27-05-2015 12:00:00;;;;;");
    }

    @Test
    void agreementFillsTheAfspraakColumns() {
        Agreement agreement = new Agreement("a-17", "case-rtm-0007", "Huisbezoek met moeder plannen", "mee",
                LocalDate.of(2015, 6, 10), Agreement.Status.OPEN);

        RenderedMessage message = renderedOnce(aboutLisa(Notification.Kind.AGREEMENT, "Afspraak voor MEE", agreement));

        assertThat(lines(message).get(1)).endsWith(
                ";a-17;Huisbezoek met moeder plannen;mee;10-06-2015;open");
    }

    @Test
    void unknownBirthDateAndNameAreEmptyCells() {
        RenderedMessage message = renderedOnce(new Notification("n-3", Notification.Kind.AGENDA, "case-1", null, null,
                "Op de agenda", MAY_27_2015_NOON_IN_ROTTERDAM, null));

        assertThat(lines(message).get(1)).startsWith("n-3;agenda;case-1;;;Op de agenda;");
    }

    @Test
    void summaryThatWouldRunAsAFormulaInExcelIsWrittenAsText() {
        RenderedMessage message = renderedOnce(aboutLisa(Notification.Kind.MATCH,
                "=HYPERLINK(\"http://evil.example\";\"klik\")", null));

        assertThat(lines(message).get(1))
                .contains(";\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"klik\"\")\";");
    }

    @Test
    void youthNameThatWouldRunAsAFormulaIsWrittenAsText() {
        RenderedMessage message = renderedOnce(new Notification("n-4", Notification.Kind.MATCH, "case-1",
                "@Lisa", null, "", MAY_27_2015_NOON_IN_ROTTERDAM, null));

        assertThat(lines(message).get(1)).startsWith("n-4;match;case-1;'@Lisa;");
    }

    @Test
    void fileNameKeepsOnlyLettersDigitsUnderscoresAndHyphens() {
        assertThat(MeeOutbound.fileName("a1_B-2")).isEqualTo("notificatie_a1_B-2.csv");
        assertThat(MeeOutbound.fileName("../../etc/passwd")).matches("notificatie_[A-Za-z0-9_-]+\\.csv")
                .doesNotContain("..").doesNotContain("/");
    }

    @Test
    void idsThatDifferOnlyInUnsafeCharactersGetDifferentFileNames() {
        assertThat(MeeOutbound.fileName("case/1")).isNotEqualTo(MeeOutbound.fileName("case:1"));
    }

    @Test
    void veryLongIdIsCutInTheFileName() {
        assertThat(MeeOutbound.fileName("x".repeat(500)).length()).isLessThan(140);
    }
}
