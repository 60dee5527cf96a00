package nl.zorgtafel.core.internal.inbox;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.zorgtafel.api.partner.InboundMessage;
import nl.zorgtafel.api.partner.InboundResult;
import nl.zorgtafel.api.partner.Notification;
import nl.zorgtafel.api.partner.PartnerAdapter;
import nl.zorgtafel.api.partner.RenderedMessage;

/**
 * A test partner adapter around {@link TextAdapter} that writes, into a list it shares with
 * other partners' adapters, which partner's message it translated, and that can be held at
 * the gate until the test opens it.
 */
final class OrderRecordingAdapter implements PartnerAdapter {

    private final TextAdapter text;
    private final List<String> translations;
    private final CountDownLatch gate;

    OrderRecordingAdapter(String partnerId, List<String> translations, CountDownLatch gate) {
        this.text = new TextAdapter(partnerId);
        this.translations = translations;
        this.gate = gate;
    }

    @Override
    public String partnerId() {
        return text.partnerId();
    }

    @Override
    public Set<String> inboundMediaTypes() {
        return text.inboundMediaTypes();
    }

    @Override
    public Optional<String> messageId(InboundMessage message) {
        return text.messageId(message);
    }

    @Override
    public InboundResult translate(InboundMessage message) {
        try {
            gate.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        translations.add(text.partnerId());
        return text.translate(message);
    }

    @Override
    public List<RenderedMessage> render(Notification notification) {
        return text.render(notification);
    }
}
