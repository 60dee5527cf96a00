package nl.zorgtafel.core.internal.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The matching part of the store: match candidates (two youths that may be one person),
 * the coordinator's decisions on them, and the audit of every merge.
 */
public interface MatchStore {

    /** Where a candidate stands. A rejected pair stays rejected: it is never proposed again. */
    enum Status {
        OPEN("open"), CONFIRMED("confirmed"), REJECTED("rejected"),
        /** One of its youths was merged into a third and the pair it would become was known already. */
        SUPERSEDED("superseded");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Optional<Status> fromCode(String code) {
            for (Status status : values()) {
                if (status.code.equals(code)) {
                    return Optional.of(status);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Two youths that may be one person.
     *
     * @param youthId the youth registered later, without a BSN the table knew
     * @param otherYouthId the youth the table knew before
     */
    record Candidate(String id, String youthId, String otherYouthId, int score, List<String> reasons, Status status,
                     Instant proposedAt, Instant decidedAt, String decidedBy) {
        public Candidate {
            reasons = List.copyOf(reasons);
        }
    }

    /** A youth as matching compares them: names, birth date, and whether a BSN is known. */
    record ComparableYouth(String id, String givenName, String familyName, LocalDate birthDate, boolean hasBsn) {
        @Override
        public String toString() {
            return "ComparableYouth[id=" + id + "]";
        }
    }

    /** The audit of a confirmed merge. */
    record Merge(String id, String candidateId, String survivingYouthId, String mergedYouthId,
                 String survivingCaseId, List<String> mergedCaseIds, int movedEntries, boolean bsnLinked,
                 Instant mergedAt, String mergedBy) {
        public Merge {
            mergedCaseIds = List.copyOf(mergedCaseIds);
        }
    }

    /**
     * The youths, not merged into another, that a new youth may be compared with: born in
     * {@code birthYear} or of unknown birth date ({@code birthYear} null: all).
     *
     * @param withoutBsnOnly only youths whose BSN the table does not know
     */
    List<ComparableYouth> comparableYouths(Integer birthYear, boolean withoutBsnOnly, String exceptYouthId);

    /** Whether this pair was ever proposed, in either order, whatever became of it. */
    boolean pairKnown(String youthId, String otherYouthId);

    void addCandidate(Candidate candidate);

    Optional<Candidate> candidate(String id);

    /** Candidates with this status (all when {@code null}), newest first. */
    List<Candidate> candidates(Status status);

    /** The open candidates one of whose youths is this youth. */
    List<Candidate> openCandidatesOf(String youthId);

    void decide(String candidateId, Status status, Instant at, String by);

    /** Makes an open candidate about other youths (after one of its youths was merged). */
    void repoint(String candidateId, String youthId, String otherYouthId);

    void addMerge(Merge merge);

    List<Merge> mergesInto(String survivingYouthId);
}
