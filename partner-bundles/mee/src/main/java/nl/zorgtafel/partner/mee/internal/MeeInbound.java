package nl.zorgtafel.partner.mee.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.zorgtafel.api.partner.InboundMessage;
import nl.zorgtafel.api.partner.InboundResult;
import nl.zorgtafel.api.partner.PartnerEvent;

/**
 * MEE's daily CSV batch (contract {@code partners/mee.md}) → canonical events: for each row a
 * trajectory, and a signal when the row carries a {@code zorgsignaal}.
 *
 * <p>A file is all-or-nothing: if any row is faulty, the file is rejected with every faulty
 * row and column named ({@code line 3, column geboortedatum}), and nothing of it is
 * applied. A file with a header and no rows says that nothing changed: no events.
 *
 * <p>Limits keep a hostile file cheap to refuse: {@value #MAX_BYTES} bytes,
 * {@value #MAX_ROWS} data rows, {@value #MAX_FIELD_LENGTH} characters a field,
 * {@value #MAX_FIELDS} fields a row, and at most {@value #MAX_FAULTS} faults listed.
 */
final class MeeInbound {

    static final String MEDIA_TYPE = "text/csv";
    static final String BODY = "body";

    static final int MAX_BYTES = 32 * 1024 * 1024;
    static final int MAX_ROWS = 100_000;
    static final int MAX_FIELD_LENGTH = 4_000;
    static final int MAX_FIELDS = 200;
    static final int MAX_FAULTS = 1_000;


    /**
     * A MEE export carries no message id of its own (mee.md): the core identifies it by the
     * request's {@code Idempotency-Key}, or else by the SHA-256 of its body, so that a file
     * sent twice, or dropped in the folder and also POSTed, is one message.
     */
    Optional<String> messageId(InboundMessage message) {
        return Optional.empty();
    }

    InboundResult translate(InboundMessage message) {
        FaultList faults = new FaultList(MAX_FAULTS);
        if (message.body().length == 0) {
            faults.add(BODY, "is empty");
            return InboundResult.rejected(faults.list());
        }
        if (message.body().length > MAX_BYTES) {
            faults.add(BODY, "is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
            return InboundResult.rejected(faults.list());
        }
        Optional<String> text = BatchText.decode(message.body(), message.charset(), faults);
        if (text.isEmpty()) {
            return InboundResult.rejected(faults.list());
        }
        CsvReader reader = new CsvReader(text.get(), MAX_FIELD_LENGTH, MAX_FIELDS);
        Optional<CsvRecord> headerRow = nextFilled(reader);
        if (headerRow.isEmpty()) {
            faults.add(BODY, "holds no header row");
            return InboundResult.rejected(faults.list());
        }
        Header header = Header.read(headerRow.get(), faults);
        if (!faults.isEmpty()) {
            // without its columns no row can be read
            return InboundResult.rejected(faults.list());
        }
        List<PartnerEvent> events = new ArrayList<>();
        List<String> ignored = new ArrayList<>(header.unknownColumns());
        int rows = 0;
        for (Optional<CsvRecord> row = nextFilled(reader); row.isPresent() && !faults.isTruncated();
                row = nextFilled(reader)) {
            if (++rows > MAX_ROWS) {
                faults.add(BODY, "has more than " + MAX_ROWS + " rows; split it into smaller files");
                break;
            }
            events.addAll(MeeRow.translate(row.get(), header, faults, ignored));
        }
        return faults.isEmpty() ? InboundResult.translated(events, ignored) : InboundResult.rejected(faults.list());
    }

    /** The next record that holds anything: blank lines, and lines of separators only, are skipped. */
    private static Optional<CsvRecord> nextFilled(CsvReader reader) {
        Optional<CsvRecord> record = reader.next();
        while (record.isPresent() && record.get().isBlank()) {
            record = reader.next();
        }
        return record;
    }
}
