package nl.zorgtafel.api.model;

import java.time.LocalDate;
import java.util.Objects;

/** A meeting (casusoverleg) of the monthly table. */
public record Meeting(String id, LocalDate date) {

    public Meeting {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(date, "date");
    }
}
