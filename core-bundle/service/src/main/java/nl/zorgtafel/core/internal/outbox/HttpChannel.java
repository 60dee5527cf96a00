package nl.zorgtafel.core.internal.outbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import nl.zorgtafel.api.partner.RenderedMessage;
import nl.zorgtafel.core.internal.partners.PartnerSettings;

/**
 * POSTs a rendered message to the partner's {@code outboundUrl} (plus the message's path
 * suffix), with the message's key as {@code Idempotency-Key}: the notification id, or for a
 * notification's second and later messages {@code <id>-2}, ... Only a 2xx answer counts as
 * delivered.
 */
final class HttpChannel implements Channel {

    private final HttpClient client;
    private final Duration timeout;

    HttpChannel(Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = timeout;
    }

    @Override
    public void send(PartnerSettings partner, RenderedMessage message, String key)
            throws DeliveryException {
        URI target;
        HttpRequest.Builder builder;
        try {
            target = URI.create(stripTrailingSlash(partner.outboundUrl()) + message.target());
            // refuses what is no http(s) URL, such as "localhost:8080/fhir"
            builder = HttpRequest.newBuilder(target);
        } catch (IllegalArgumentException e) {
            throw new DeliveryException("the outboundUrl is not a valid URL");
        }
        HttpRequest request = builder
                .timeout(timeout)
                .header("Content-Type", message.mediaType())
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofByteArray(message.body()))
                .build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new DeliveryException("HTTP " + response.statusCode() + " from " + target.getHost());
            }
        } catch (IOException e) {
            throw new DeliveryException(e.getClass().getSimpleName() + " reaching " + target.getHost());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted");
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
