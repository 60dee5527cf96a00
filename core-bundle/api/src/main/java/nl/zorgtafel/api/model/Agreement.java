package nl.zorgtafel.api.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An agreement (afspraak) made at the table: an action, the partner that owns it, and
 * when it must be done.
 */
public record Agreement(String id, String caseId, String description, String ownerPartner, LocalDate dueDate,
                        Status status) {

    /** Where an agreement stands. Overdue is derived from the due date, never stored. */
    public enum Status {
        OPEN("open"),
        DONE("done");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public Agreement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(ownerPartner, "ownerPartner");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(status, "status");
    }

    public boolean isOverdueOn(LocalDate today) {
        return status == Status.OPEN && dueDate.isBefore(today);
    }
}
