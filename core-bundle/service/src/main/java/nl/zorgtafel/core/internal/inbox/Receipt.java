package nl.zorgtafel.core.internal.inbox;

import java.util.List;
import nl.zorgtafel.core.internal.store.Store.InboxEntry;
import nl.zorgtafel.core.internal.store.Store.InboxStatus;

/**
 * Where a partner message stands, as the partner is told.
 *
 * @param messageId the partner message id (or, while no adapter could read the message,
 *     {@code sha256:<hex>} of its body)
 * @param detailJson faults of a rejection, or what processing ignored; may be null
 */
public record Receipt(String messageId, InboxStatus status, String detailJson, List<String> caseIds) {

    static Receipt of(InboxEntry entry) {
        return new Receipt(entry.messageKey(), entry.status(), entry.detailJson(), entry.caseIds());
    }

    /** The outcome of the message an entry repeats, told under the entry's own id. */
    static Receipt repeating(InboxEntry entry, InboxEntry original) {
        return new Receipt(entry.messageKey(), original.status(), original.detailJson(), original.caseIds());
    }
}
