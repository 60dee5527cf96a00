package nl.zorgtafel.core.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import nl.zorgtafel.api.partner.Notification;
import nl.zorgtafel.core.internal.operations.PartnerOverview.PartnerState;
import nl.zorgtafel.core.internal.store.OutboxStore.OutboxEntry;
import nl.zorgtafel.core.internal.store.OutboxStore.Status;
import org.apache.karaf.shell.support.table.ShellTable;
import org.junit.jupiter.api.Test;

class OperatorTablesTest {

    private static final Instant MONDAY_MORNING = Instant.parse("2025-03-03T08:30:00.123456Z");

    @Test
    void thePartnersTableShowsTheFieldsOfTheOperationsApiOneRowAPartner() {
        List<PartnerState> states = List.of(
                new PartnerState("ggz", true, "0.1.0.SNAPSHOT", 2, 3, 1, "HTTP 503 from ggz.example", true, 0),
                new PartnerState("politie", false, null, 0, 1, 0, null, false, 0));

        List<String> lines = printed(OperatorTables.partners(states));

        assertThat(lines.get(0)).containsSubsequence("Partner", "Adapter", "Version", "Inbox pending",
                "Outbox pending", "Dead letters", "Configured", "Last error");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(2)).containsSubsequence("ggz", "ACTIVE", "0.1.0.SNAPSHOT", "2", "3", "1", "yes",
                "HTTP 503 from ggz.example");
        assertThat(lines.get(3)).containsSubsequence("politie", "ABSENT", "0", "1", "0", "no")
                .doesNotContain("null");
    }

    @Test
    void withoutPartnersThePartnersTableSaysSo() {
        assertThat(printed(OperatorTables.partners(List.of())))
                .contains("No partners configured, installed or waiting.");
    }

    @Test
    void aDeadLetterShowsWhatForWhichCaseWhenAndWhyNotWhoItIsAbout() {
        OutboxEntry letter = new OutboxEntry(7, "6f1c2d9e-notification", "ggz", Notification.Kind.CRISIS_SIGNAL,
                "case-42", "youth-noor", "Crisis signal from politie: Noor Testdal found at night", null,
                MONDAY_MORNING, Status.DEAD, 8, MONDAY_MORNING, "HTTP 503 from ggz.example");

        List<String> lines = printed(OperatorTables.deadLetters("ggz", List.of(letter)));

        assertThat(lines.get(0)).containsSubsequence("Notification", "Kind", "Case", "Created", "Attempts",
                "Last error");
        assertThat(lines.get(2)).containsSubsequence("6f1c2d9e-notification", "crisis-signal", "case-42",
                "2025-03-03T08:30:00Z", "8", "HTTP 503 from ggz.example");
        assertThat(String.join("\n", lines)).doesNotContain("Noor").doesNotContain("youth-noor");
    }

    @Test
    void withoutDeadLettersTheTableSaysSoForThePartner() {
        assertThat(printed(OperatorTables.deadLetters("mee", List.of()))).contains("No dead letters for partner mee.");
    }

    @Test
    void aReplaySaysHowManyDeadLettersGoAgain() {
        assertThat(OperatorTables.replayed("ggz", 3))
                .isEqualTo("Replayed 3 dead letters of partner ggz; they are delivered again from now on.");
        assertThat(OperatorTables.replayed("ggz", 1))
                .isEqualTo("Replayed 1 dead letter of partner ggz; they are delivered again from now on.");
        assertThat(OperatorTables.replayed("mee", 0)).isEqualTo("Replayed 0 dead letters of partner mee.");
    }

    private static List<String> printed(ShellTable table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            table.print(out, StandardCharsets.UTF_8, true);
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
