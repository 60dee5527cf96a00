package nl.zorgtafel.api.partner;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import nl.zorgtafel.api.model.Agreement;

/**
 * What the table tells a partner (contract section 4): a match with another partner's
 * signal, a crisis signal, its case on an agenda, an agreement it owns.
 *
 * <p>It carries what the partner needs to find the youth in its own system (display name
 * and birth date) and never a BSN.
 *
 * @param id unique per notification; sent as the {@code Idempotency-Key} of its first (or
 *     only) rendered message, and as {@code <id>-2}, {@code <id>-3}, ... of the others, so
 *     the partner can drop a repeat
 * @param agreement the agreement, for {@link Kind#AGREEMENT}; otherwise {@code null}
 */
public record Notification(String id, Kind kind, String caseId, String youthDisplayName, LocalDate youthBirthDate,
                           String summary, Instant createdAt, Agreement agreement) {

    /** Why the table tells the partner; the codes are those of the canonical JSON. */
    public enum Kind {
        MATCH("match"),
        CRISIS_SIGNAL("crisis-signal"),
        AGENDA("agenda"),
        AGREEMENT("agreement");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public Notification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(createdAt, "createdAt");
        summary = summary == null ? "" : summary;
        if (kind == Kind.AGREEMENT && agreement == null) {
            throw new IllegalArgumentException("an agreement notification carries its agreement");
        }
    }

    @Override
    public String toString() {
        return "Notification[id=" + id + ", kind=" + kind.code() + ", caseId=" + caseId + "]";
    }
}
