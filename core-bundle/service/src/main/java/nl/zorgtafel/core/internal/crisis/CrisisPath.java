package nl.zorgtafel.core.internal.crisis;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.zorgtafel.api.model.MeasureKind;
import nl.zorgtafel.api.model.Signal;
import nl.zorgtafel.core.internal.cases.CaseFile;
import nl.zorgtafel.core.internal.store.CrisisStore.Alert;
import nl.zorgtafel.core.internal.store.CrisisStore.CrisisRecord;
import nl.zorgtafel.core.internal.store.CrisisStore.MeasureRequest;
import nl.zorgtafel.core.internal.store.CrisisStore.NotificationState;
import nl.zorgtafel.core.internal.store.Store.Recorded;

/**
 * The whole path of one crisis signal, as the case shows it: the signal, the notification
 * to the crisis team (and whether it was delivered), the team's acknowledgement, the
 * coordinator's alert if the acknowledgement came late, the measure requested and the
 * measure granted.
 *
 * <p>The measure requested is the first request recorded for the case on or after the
 * signal's day ({@code POST /cases/{id}/measure-requests}); without one, the
 * child-protection board's first investigation or advice from that day on stands for it,
 * since the board only acts on a request. The measure granted is the first measure that
 * starts on or after the signal's day.
 *
 * @param notification the notification to the crisis team, or {@code null} when the team
 *     reported the crisis itself
 * @param alert the coordinator's alert, or {@code null}
 * @param requested the measure requested, or {@code null}
 * @param granted the measure granted, or {@code null}
 */
public record CrisisPath(CrisisRecord crisis, Recorded<Signal> signal, NotificationState notification, Alert alert,
                         Step requested, Step granted) {

    /**
     * A step of the path: when, by which partner, what.
     *
     * @param source where the step was read: {@code request}, {@code investigation},
     *     {@code advice} or {@code measure}
     */
    public record Step(LocalDate date, String partnerId, String kind, String source) {
    }

    public boolean isAcknowledged() {
        return crisis.acknowledgedAt() != null;
    }

    public Instant acknowledgedAt() {
        return crisis.acknowledgedAt();
    }

    /** The path of every crisis of the case, oldest first. */
    public static List<CrisisPath> of(CaseFile file) {
        List<CrisisPath> paths = new ArrayList<>();
        CaseFile.CrisisWork work = file.crisis();
        for (CrisisRecord crisis : work.crises()) {
            Optional<Recorded<Signal>> signal = file.signals().stream()
                    .filter(s -> s.id().equals(crisis.signalId())).findFirst();
            if (signal.isEmpty()) {
                continue;
            }
            LocalDate from = signal.get().value().observedOn();
            NotificationState notification = crisis.notificationId() == null ? null
                    : work.notifications().get(crisis.notificationId());
            Alert alert = work.alerts().stream().filter(a -> crisis.id().equals(a.crisisId())).findFirst()
                    .orElse(null);
            paths.add(new CrisisPath(crisis, signal.get(), notification, alert, requested(file, from),
                    granted(file, from)));
        }
        return paths;
    }

    private static Step requested(CaseFile file, LocalDate from) {
        Optional<Step> request = file.crisis().measureRequests().stream()
                .filter(r -> !r.requestedOn().isBefore(from))
                .min(Comparator.comparing(MeasureRequest::requestedOn))
                .map(r -> new Step(r.requestedOn(), r.partnerId(), r.kind(), "request"));
        if (request.isPresent()) {
            return request.get();
        }
        List<Step> board = new ArrayList<>();
        file.investigations().stream().filter(i -> !i.value().startedOn().isBefore(from))
                .forEach(i -> board.add(new Step(i.value().startedOn(), i.partnerId(), "investigation",
                        "investigation")));
        file.advice().stream().filter(a -> !a.value().givenOn().isBefore(from))
                .forEach(a -> board.add(new Step(a.value().givenOn(), a.partnerId(), a.value().advised().code(),
                        "advice")));
        return board.stream().min(Comparator.comparing(Step::date)).orElse(null);
    }

    private static Step granted(CaseFile file, LocalDate from) {
        return file.measures().stream()
                .filter(m -> m.value().kind() != MeasureKind.NONE && !m.value().startsOn().isBefore(from))
                .min(Comparator.comparing(m -> m.value().startsOn()))
                .map(m -> new Step(m.value().startsOn(), m.partnerId(), m.value().kind().code(), "measure"))
                .orElse(null);
    }
}
