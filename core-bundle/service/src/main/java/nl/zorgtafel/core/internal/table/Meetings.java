package nl.zorgtafel.core.internal.table;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.zorgtafel.api.model.Youth;
import nl.zorgtafel.core.internal.cases.Conflict;
import nl.zorgtafel.core.internal.outbox.Notifier;
import nl.zorgtafel.core.internal.store.Store;
import nl.zorgtafel.core.internal.store.Store.CaseRecord;
import nl.zorgtafel.core.internal.store.TableStore.AgendaItem;
import nl.zorgtafel.core.internal.store.TableStore.MeetingRecord;
import nl.zorgtafel.core.internal.store.Transactions;

/**
 * The monthly meetings (casusoverleg) of the table: a new meeting gets the agenda that
 * {@link Agendas} proposes; the coordinator adds and removes items and records the minutes
 * per case. The partners involved in a case learn that it is on an agenda (or taken off
 * it), in the same transaction.
 */
public final class Meetings {

    private final Transactions transactions;
    private final Agendas agendas;
    private final Notifier notifier;
    private final Clock clock;

    public Meetings(Transactions transactions, Agendas agendas, Notifier notifier, Clock clock) {
        this.transactions = transactions;
        this.agendas = agendas;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** A meeting with its agenda. */
    public record MeetingView(MeetingRecord meeting, List<ItemView> items) {

        /** The same meeting with only the items about these cases. */
        public MeetingView only(Set<String> caseIds) {
            return new MeetingView(meeting, items.stream().filter(i -> caseIds.contains(i.item().caseId())).toList());
        }
    }

    /** An agenda item with its case, youth and involved partners. */
    public record ItemView(AgendaItem item, CaseRecord caseRecord, Youth youth, Set<String> partners) {
    }

    /** Plans a meeting, with the proposed agenda. */
    public MeetingView create(LocalDate date, String by) {
        return transactions.run(store -> {
            Instant now = clock.instant();
            MeetingRecord meeting = new MeetingRecord(UUID.randomUUID().toString(), date, now, by);
            store.table().addMeeting(meeting);
            for (Agendas.Proposal proposal : agendas.propose(store, meeting)) {
                put(store, meeting, proposal.caseRecord(), proposal.reasons(), by, now);
            }
            return view(store, meeting);
        });
    }

    public Optional<MeetingView> read(String meetingId) {
        return transactions.run(store -> store.table().meeting(meetingId).map(m -> view(store, m)));
    }

    /** Every meeting, latest first. */
    public List<MeetingView> list() {
        return transactions.run(store -> store.table().meetings().stream().map(m -> view(store, m)).toList());
    }

    /** The outcome of adding a case to an agenda: its item, and whether it was there already. */
    public record Added(ItemView item, boolean wasThere) {
    }

    /** Puts a case on the agenda; empty when there is no such meeting or case. */
    public Optional<Added> add(String meetingId, String caseId, String by) {
        return transactions.run(store -> {
            Optional<MeetingRecord> meeting = store.table().meeting(meetingId);
            Optional<CaseRecord> caseRecord = store.caseRecord(caseId);
            if (meeting.isEmpty() || caseRecord.isEmpty()) {
                return Optional.empty();
            }
            Optional<AgendaItem> there = store.table().agendaItem(meetingId, caseId);
            AgendaItem item = there.orElseGet(() -> put(store, meeting.get(), caseRecord.get(), List.of(Agendas.ADDED),
                    by, clock.instant()));
            return Optional.of(new Added(itemView(store, item), there.isPresent()));
        });
    }

    /** Takes a case off the agenda; false when it was not on it. Minutes once recorded keep it there. */
    public boolean remove(String meetingId, String caseId, String by) {
        return transactions.run(store -> {
            Optional<AgendaItem> item = store.table().agendaItem(meetingId, caseId);
            if (item.isEmpty()) {
                return false;
            }
            if (item.get().minutes() != null) {
                throw new Conflict("The table recorded minutes for this case at this meeting; it stays on the agenda.");
            }
            store.table().removeAgendaItem(meetingId, caseId);
            CaseRecord c = store.caseRecord(caseId).orElseThrow();
            MeetingRecord meeting = store.table().meeting(meetingId).orElseThrow();
            notifier.agenda(store, caseId, c.youthId(), store.partnersOf(caseId),
                    "Taken off the agenda of the table of " + meeting.date() + ".", clock.instant());
            return true;
        });
    }

    /** Records (or replaces) the minutes of a case at a meeting; empty when the case is not on its agenda. */
    public Optional<ItemView> recordMinutes(String meetingId, String caseId, String text, String by) {
        return transactions.run(store -> store.table().agendaItem(meetingId, caseId).map(item -> {
            store.table().recordMinutes(meetingId, caseId, text, clock.instant(), by);
            return itemView(store, store.table().agendaItem(meetingId, caseId).orElseThrow());
        }));
    }

    private AgendaItem put(Store store, MeetingRecord meeting, CaseRecord caseRecord, List<String> reasons, String by,
                           Instant now) {
        AgendaItem item = store.table().addAgendaItem(meeting.id(), caseRecord.id(), reasons, now, by);
        notifier.agenda(store, caseRecord.id(), caseRecord.youthId(), store.partnersOf(caseRecord.id()),
                "On the agenda of the table of " + meeting.date() + " (" + String.join(", ", reasons) + ").", now);
        return item;
    }

    private static MeetingView view(Store store, MeetingRecord meeting) {
        return new MeetingView(meeting, store.table().agendaOf(meeting.id()).stream()
                .map(item -> itemView(store, item)).toList());
    }

    private static ItemView itemView(Store store, AgendaItem item) {
        CaseRecord c = store.caseRecord(item.caseId()).orElseThrow();
        return new ItemView(item, c, store.youth(c.youthId()).orElseThrow(), store.partnersOf(c.id()));
    }
}
