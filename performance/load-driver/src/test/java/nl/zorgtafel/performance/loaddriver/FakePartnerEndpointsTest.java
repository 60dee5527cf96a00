package nl.zorgtafel.performance.loaddriver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class FakePartnerEndpointsTest {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void counts_notifications_by_idempotency_key_over_loopback() throws Exception {
        try (FakePartnerEndpoints endpoints = new FakePartnerEndpoints(List.of("ggz", "jbrr"))) {
            URI ggz = endpoints.url("ggz");
            assertThat(ggz.getHost()).isEqualTo("127.0.0.1");
            assertThat(ggz.getPath()).isEqualTo("/ggz");

            assertThat(post(URI.create(ggz + "/Communication"), "n-1")).isEqualTo(200);
            assertThat(post(URI.create(ggz + "/Communication"), "n-2")).isEqualTo(200);
            assertThat(post(URI.create(ggz + "/Communication"), "n-1")).isEqualTo(200);
            // the same key on another resource is another message of the same notification
            assertThat(post(URI.create(ggz + "/Task"), "n-1")).isEqualTo(200);
            assertThat(post(URI.create(ggz + "/Communication"), null)).isEqualTo(200);
            assertThat(post(endpoints.url("jbrr"), "n-9")).isEqualTo(200);

            assertThat(endpoints.counts("ggz")).isEqualTo(new FakePartnerEndpoints.Counts(5, 3, 1, 1));
            assertThat(endpoints.counts("jbrr")).isEqualTo(new FakePartnerEndpoints.Counts(1, 1, 0, 0));
            assertThat(endpoints.partners()).containsExactly("ggz", "jbrr");
        }
    }

    @Test
    void only_posts_count() throws Exception {
        try (FakePartnerEndpoints endpoints = new FakePartnerEndpoints(List.of("rvdk"))) {
            HttpResponse<Void> get = client.send(HttpRequest.newBuilder(endpoints.url("rvdk"))
                    .header("Idempotency-Key", "n-1").GET().build(), HttpResponse.BodyHandlers.discarding());
            assertThat(get.statusCode()).isEqualTo(405);
            assertThat(endpoints.counts("rvdk").received()).isZero();
        }
    }

    private int post(URI target, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"notificationId\":\"x\"}"));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
