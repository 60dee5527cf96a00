package nl.zorgtafel.core.internal.inbox;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.zorgtafel.api.model.Bsn;
import nl.zorgtafel.api.model.Signal;
import nl.zorgtafel.api.model.SignalCategory;
import nl.zorgtafel.api.model.Urgency;
import nl.zorgtafel.api.model.YouthIdentity;
import nl.zorgtafel.api.partner.Fault;
import nl.zorgtafel.api.partner.InboundMessage;
import nl.zorgtafel.api.partner.InboundResult;
import nl.zorgtafel.api.partner.Notification;
import nl.zorgtafel.api.partner.PartnerAdapter;
import nl.zorgtafel.api.partner.PartnerEvent;
import nl.zorgtafel.api.partner.RenderedMessage;

/**
 * A test double of a partner system's adapter, for a tiny text format of our own, one fact
 * a line:
 *
 * <pre>
 * id;&lt;message id&gt;                                              (optional, the format's id)
 * signal;&lt;reference&gt;;&lt;bsn or empty&gt;;&lt;family name&gt;;&lt;observed on&gt;;&lt;summary&gt;
 * crash                                                       (the translator throws, as a broken adapter might)
 * </pre>
 *
 * <p>Any other line is a fault, named by its line number; a message with a fault is
 * rejected whole. It remembers which messages it translated, in order.
 */
final class TextAdapter implements PartnerAdapter {

    static final String MEDIA_TYPE = "text/plain";

    private final String partnerId;
    private final List<String> translated = new CopyOnWriteArrayList<>();

    TextAdapter(String partnerId) {
        this.partnerId = partnerId;
    }

    /** The format's ids of the messages translated so far, in the order they were translated. */
    List<String> translatedIds() {
        return List.copyOf(translated);
    }

    @Override
    public String partnerId() {
        return partnerId;
    }

    @Override
    public Set<String> inboundMediaTypes() {
        return Set.of(MEDIA_TYPE);
    }

    @Override
    public Optional<String> messageId(InboundMessage message) {
        return message.text().lines().filter(line -> line.startsWith("id;")).map(line -> line.substring(3))
                .findFirst();
    }

    @Override
    public InboundResult translate(InboundMessage message) {
        translated.add(messageId(message).orElse("(no id)"));
        List<PartnerEvent> events = new ArrayList<>();
        List<Fault> faults = new ArrayList<>();
        List<String> lines = message.text().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String[] fields = lines.get(i).split(";", -1);
            String where = "line " + (i + 1);
            switch (fields[0]) {
                case "id" -> {
                    // read by messageId
                }
                case "signal" -> signal(fields, where, events, faults);
                case "crash" -> throw new IllegalStateException("the adapter broke on a line it should have read");
                default -> faults.add(new Fault(where, "unknown kind of line"));
            }
        }
        return faults.isEmpty() ? InboundResult.translated(events, List.of()) : InboundResult.rejected(faults);
    }

    private static void signal(String[] fields, String where, List<PartnerEvent> events, List<Fault> faults) {
        if (fields.length != 6) {
            faults.add(new Fault(where, "a signal has six fields"));
            return;
        }
        if (!fields[2].isEmpty() && !Bsn.isValid(fields[2])) {
            faults.add(new Fault(where + ", field bsn", "not a valid BSN"));
            return;
        }
        LocalDate observedOn;
        try {
            observedOn = LocalDate.parse(fields[4]);
        } catch (DateTimeParseException e) {
            faults.add(new Fault(where + ", field observed on", "not a date"));
            return;
        }
        YouthIdentity youth = new YouthIdentity(fields[2].isEmpty() ? null : Bsn.of(fields[2]), "", fields[3], null);
        events.add(new PartnerEvent.SignalReported(youth, new Signal(fields[1], SignalCategory.OTHER,
                Urgency.NORMAL, fields[5], observedOn)));
    }

    @Override
    public List<RenderedMessage> render(Notification notification) {
        return List.of();
    }
}
