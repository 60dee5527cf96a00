package nl.zorgtafel.partner.mee.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import nl.zorgtafel.api.model.Agreement;
import nl.zorgtafel.api.partner.Notification;
import nl.zorgtafel.api.partner.RenderedMessage;

/**
 * Renders a notification for MEE: one CSV file, {@code notificatie_<id>.csv}, in the
 * conventions of MEE's own export ({@code ;}, a header row, {@code "} quoting, dates
 * {@code dd-MM-yyyy}), UTF-8 with a byte order mark so that Excel shows accents right.
 *
 * <p>Every file has the same columns; the {@code afspraak_*} cells are filled for an
 * agreement (afspraak) only. The youth is named by display name and birth date: a
 * notification carries no BSN and nothing here adds one. The core writes the file to the
 * partner's {@code outboundDirectory} (write, then rename).
 */
final class MeeOutbound {

    static final String MEDIA_TYPE = "text/csv";
    static final List<String> COLUMNS = List.of("notificatie_id", "soort", "casus_id", "naam", "geboortedatum",
            "samenvatting", "aangemaakt", "afspraak_id", "afspraak_omschrijving", "afspraak_eigenaar",
            "afspraak_deadline", "afspraak_status");

    /** MEE reads {@code aangemaakt} on the wall clock of Rotterdam. */
    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("dd-MM-uuuu HH:mm:ss");

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int MAX_ID_IN_NAME = 100;

    List<RenderedMessage> render(Notification notification) {
        String text = new CsvWriter().row(COLUMNS).row(cells(notification)).text();
        byte[] csv = text.getBytes(StandardCharsets.UTF_8);
        byte[] body = Arrays.copyOf(UTF8_BOM, UTF8_BOM.length + csv.length);
        System.arraycopy(csv, 0, body, UTF8_BOM.length, csv.length);
        return List.of(new RenderedMessage(MEDIA_TYPE, body, fileName(notification.id())));
    }

    private static List<String> cells(Notification notification) {
        Agreement agreement = notification.agreement();
        return Arrays.asList(
                notification.id(),
                notification.kind().code(),
                notification.caseId(),
                notification.youthDisplayName(),
                date(notification.youthBirthDate()),
                notification.summary(),
                created(notification.createdAt()),
                agreement == null ? null : agreement.id(),
                agreement == null ? null : agreement.description(),
                agreement == null ? null : agreement.ownerPartner(),
                agreement == null ? null : date(agreement.dueDate()),
                agreement == null ? null : agreement.status().code());
    }

    /**
     * {@code notificatie_<id>.csv} with the id cut down to {@code [A-Za-z0-9_-]}, so that no id
     * can name a path. When that changed the id, a short hash of the whole id keeps two ids
     * that differ only in other characters in two files.
     */
    static String fileName(String id) {
        String safe = id.replaceAll("[^A-Za-z0-9_-]", "_");
        if (safe.length() > MAX_ID_IN_NAME) {
            safe = safe.substring(0, MAX_ID_IN_NAME);
        }
        if (!safe.equals(id)) {
            safe = safe + "_" + shortHash(id);
        }
        return "notificatie_" + safe + ".csv";
    }

    private static String shortHash(String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String date(LocalDate date) {
        return date == null ? null : MeeDate.format(date);
    }

    private static String created(Instant instant) {
        return CREATED.format(instant.atZone(ZONE));
    }
}
