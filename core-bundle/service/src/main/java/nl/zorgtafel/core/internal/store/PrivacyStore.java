package nl.zorgtafel.core.internal.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Erasure of personal data (retention and legal orders) and what a subject access export
 * reads beyond the case files. An erased case keeps its skeleton — dates, status, crisis and
 * repeat flags, the partners involved — so that the table's reports still count it; what
 * partners reported, free texts and the raw messages go.
 */
public interface PrivacyStore {

    /** Closed, not yet erased cases whose retention clock started before {@code day}. */
    List<String> closedCasesRetainedBefore(LocalDate day);

    /** Erases a case's content; returns what went. */
    Erased eraseCase(String caseId, Instant at);

    /** Whether the youth still has a case whose content is not erased. */
    boolean hasUnerasedCase(String youthId);

    /** The youth's cases, erased or not, merged ones included. */
    List<String> allCasesOf(String youthId);

    /** The youths merged into this one. */
    List<String> youthsMergedInto(String youthId);

    /** Blanks the youth's identity (names, birth date, BSN and its pseudonym) and their match candidates. */
    void eraseYouth(String youthId, Instant at);

    boolean youthExists(String youthId);

    void recordErasure(ErasureRecord erasure);

    List<ErasureRecord> erasuresOf(String youthId);

    /** The raw messages that touched a case: who sent them, when, and how they ended; never their body. */
    List<MessageTrace> messagesAbout(String caseId);

    /** What an erasure of one case removed. */
    record Erased(int entries, int messages) {
    }

    /** One erasure as recorded: what, when, by whom and why; no personal data. */
    record ErasureRecord(String id, String youthId, String caseId, String reason, String legalBasis, String reference,
                         int entriesErased, int messagesErased, Instant erasedAt, String erasedBy) {
    }

    record MessageTrace(String partnerId, String messageKey, Instant receivedAt, String status) {
    }
}
