package nl.zorgtafel.core.internal.shell;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import nl.zorgtafel.core.internal.operations.PartnerOverview.PartnerState;
import nl.zorgtafel.core.internal.store.OutboxStore.OutboxEntry;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * What the operator's shell commands print, built from what the core answers: the same
 * fields as the operations API, never a youth's name. Plain, so that it is tested without
 * a shell; the commands only fetch and print.
 */
final class OperatorTables {

    private OperatorTables() {
    }

    /** Each partner's state, as {@code GET /api/v1/partners} gives it. */
    static ShellTable partners(List<PartnerState> states) {
        ShellTable table = new ShellTable().emptyTableText("No partners configured, installed or waiting.");
        table.column("Partner");
        table.column("Adapter");
        table.column("Version");
        table.column("Inbox pending").alignRight();
        table.column("Outbox pending").alignRight();
        table.column("Dead letters").alignRight();
        table.column("Configured");
        table.column("Last error");
        for (PartnerState state : states) {
            table.addRow().addContent(state.partnerId(), state.adapterActive() ? "ACTIVE" : "ABSENT",
                    orEmpty(state.adapterVersion()), state.inboxPending(), state.outboxPending(),
                    state.deadLetters(), state.configured() ? "yes" : "no", orEmpty(state.lastError()));
        }
        return table;
    }

    /** A partner's dead letters, oldest first: what, for which case, why it failed. */
    static ShellTable deadLetters(String partnerId, List<OutboxEntry> letters) {
        ShellTable table = new ShellTable().emptyTableText("No dead letters for partner " + partnerId + ".");
        table.column("Notification");
        table.column("Kind");
        table.column("Case");
        table.column("Created");
        table.column("Attempts").alignRight();
        table.column("Last error");
        for (OutboxEntry letter : letters) {
            table.addRow().addContent(letter.notificationId(), letter.kind().code(), letter.caseId(),
                    toSeconds(letter.createdAt()), letter.attempts(), orEmpty(letter.lastError()));
        }
        return table;
    }

    /** What a replay did. */
    static String replayed(String partnerId, int count) {
        return "Replayed " + count + (count == 1 ? " dead letter" : " dead letters") + " of partner " + partnerId
                + (count == 0 ? "." : "; they are delivered again from now on.");
    }

    private static String toSeconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
