package nl.zorgtafel.core.internal.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;
import nl.zorgtafel.api.partner.InboundMessage;
import nl.zorgtafel.api.partner.InboundResult;
import nl.zorgtafel.api.partner.Notification;
import nl.zorgtafel.api.partner.PartnerAdapter;
import nl.zorgtafel.api.partner.RenderedMessage;

/**
 * A test double of a partner's adapter for the outbound side: it renders a notification as
 * one line of text ({@link #bodyOf}), under a media type of its own and at the target the
 * test chooses, remembers every notification it was given, and can be broken so that
 * rendering some notifications throws, as a faulty adapter might. It reads no inbound
 * messages.
 */
public final class RecordingAdapter implements PartnerAdapter {

    public static final String MEDIA_TYPE = "text/vnd.zorgtafel-test";

    private final String partnerId;
    private final Function<Notification, List<String>> targets;
    private final List<Notification> rendered = new CopyOnWriteArrayList<>();
    private volatile Predicate<Notification> breaksOn = notification -> false;

    private RecordingAdapter(String partnerId, Function<Notification, List<String>> targets) {
        this.partnerId = partnerId;
        this.targets = targets;
    }

    /** Renders one message per notification, for the destination itself. */
    public static RecordingAdapter forPartner(String partnerId) {
        return new RecordingAdapter(partnerId, notification -> List.of(""));
    }

    /** Renders one message per target, in this order, each for the target the function names. */
    public static RecordingAdapter withTargets(String partnerId, Function<Notification, List<String>> targets) {
        return new RecordingAdapter(partnerId, targets);
    }

    /** The body this adapter renders for a notification. */
    public static String bodyOf(Notification notification) {
        return notification.kind().code() + ";" + notification.id() + ";" + notification.caseId() + ";"
                + notification.youthDisplayName() + ";" + notification.youthBirthDate() + ";"
                + notification.summary();
    }

    /** From now on rendering these notifications throws, until {@link #repair()}. */
    public void breakOn(Predicate<Notification> notifications) {
        breaksOn = notifications;
    }

    public void repair() {
        breaksOn = notification -> false;
    }

    /** The notifications it was asked to render, in order, including those it failed on. */
    public List<Notification> rendered() {
        return List.copyOf(rendered);
    }

    @Override
    public String partnerId() {
        return partnerId;
    }

    @Override
    public Set<String> inboundMediaTypes() {
        return Set.of();
    }

    @Override
    public Optional<String> messageId(InboundMessage message) {
        return Optional.empty();
    }

    @Override
    public InboundResult translate(InboundMessage message) {
        throw new UnsupportedOperationException("an outbound test adapter reads nothing");
    }

    @Override
    public List<RenderedMessage> render(Notification notification) {
        rendered.add(notification);
        if (breaksOn.test(notification)) {
            throw new IllegalStateException("the adapter broke rendering " + notification.id());
        }
        byte[] body = bodyOf(notification).getBytes(StandardCharsets.UTF_8);
        return targets.apply(notification).stream().map(target -> new RenderedMessage(MEDIA_TYPE, body, target))
                .toList();
    }
}
