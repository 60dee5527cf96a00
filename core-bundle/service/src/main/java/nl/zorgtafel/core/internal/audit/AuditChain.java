package nl.zorgtafel.core.internal.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import nl.zorgtafel.core.internal.store.AuditStore.Row;

/**
 * The hash chain over the audit trail: each row's hash is SHA-256 of the previous row's hash
 * followed by the row's canonical form. The canonical form lists every field in a fixed
 * order, each as {@code name=length:value;}, so no two different rows share one.
 */
public final class AuditChain {

    private AuditChain() {
    }

    public static String canonical(Row row) {
        StringBuilder text = new StringBuilder(512);
        field(text, "seq", Long.toString(row.seq()));
        field(text, "eventId", row.eventId());
        field(text, "occurredAt", row.occurredAt());
        field(text, "action", row.action());
        field(text, "resource", row.resource());
        field(text, "outcome", row.outcome());
        field(text, "httpStatus", Integer.toString(row.httpStatus()));
        field(text, "userName", row.userName());
        field(text, "partnerId", row.partnerId());
        field(text, "roles", row.roles());
        field(text, "purpose", row.purpose());
        field(text, "legalBasis", row.legalBasis());
        field(text, "caseId", row.caseId());
        field(text, "youthId", row.youthId());
        field(text, "youthPseudonym", row.youthPseudonym());
        field(text, "objectId", row.objectId());
        field(text, "channel", row.channel());
        field(text, "sourceAddress", row.sourceAddress());
        field(text, "detail", row.detail());
        return text.toString();
    }

    /** The hash a row must carry after {@code previousHash}. */
    public static String hash(String previousHash, Row row) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previousHash.getBytes(StandardCharsets.US_ASCII));
            sha256.update(canonical(row).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static void field(StringBuilder text, String name, String value) {
        text.append(name).append('=');
        if (value == null) {
            text.append("-;");
        } else {
            text.append(value.length()).append(':').append(value).append(';');
        }
    }
}
