package nl.zorgtafel.performance.loaddriver;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What the cases hold, read through the API as the coordinator: how many notifications the
 * platform must have written for them, and which entries a run created.
 *
 * <p>The platform writes a notification to every partner of a case when a new partner
 * joins it, and one to the newcomer: the i-th partner to join makes i of them, so a case
 * with k partners has made {@code k(k+1)/2 - 1} whatever the order. A crisis signal of any
 * partner but JBRR makes one more, to JBRR. (There are no agenda or agreement notifications
 * without meetings and agreements, which the driver does not create.)
 *
 * @param matchNotifications the match notifications the cases account for
 * @param crisisNotifications crisis signals of partners other than JBRR
 * @param runEntries every entry (signal, trajectory, measure, investigation, advice) whose
 *     reference holds the run id, with how often it occurs
 */
record CaseCensus(int cases, long matchNotifications, long crisisNotifications, Map<String, Integer> runEntries,
                  int unreadable) {

    static final String[] ENTRY_LISTS = {"signals", "trajectories", "measures", "investigations", "advice"};

    static CaseCensus take(PlatformClient platform, String runId) throws IOException, InterruptedException {
        PlatformClient.Answer list = platform.personal("cases");
        if (list.status() != 200 || list.body() == null) {
            throw new IOException("GET /api/v1/cases answered " + list.status());
        }
        List<String> ids = new ArrayList<>();
        long match = 0;
        for (JsonNode item : list.body().path("items")) {
            ids.add(item.path("id").asText());
            int partners = item.path("partners").size();
            match += partners == 0 ? 0 : partners * (partners + 1L) / 2 - 1;
        }
        ExecutorService pool = Executors.newFixedThreadPool(8, LoadRun.daemon("case-census"));
        try {
            List<Future<PlatformClient.Answer>> details = new ArrayList<>();
            for (String id : ids) {
                details.add(pool.submit(() -> platform.personal("cases/" + id)));
            }
            long crisis = 0;
            int unreadable = 0;
            Map<String, Integer> entries = new HashMap<>();
            for (Future<PlatformClient.Answer> future : details) {
                PlatformClient.Answer detail;
                try {
                    detail = future.get();
                } catch (ExecutionException e) {
                    unreadable++;
                    continue;
                }
                if (detail.status() != 200 || detail.body() == null) {
                    unreadable++;
                    continue;
                }
                for (JsonNode signal : detail.body().path("signals")) {
                    if ("crisis".equals(signal.path("urgency").asText())
                            && !"jbrr".equals(signal.path("partner").asText())) {
                        crisis++;
                    }
                }
                for (String kind : ENTRY_LISTS) {
                    for (JsonNode entry : detail.body().path(kind)) {
                        String reference = entry.path("reference").asText();
                        if (reference.contains("-" + runId + "-")) {
                            entries.merge(reference, 1, Integer::sum);
                        }
                    }
                }
            }
            return new CaseCensus(ids.size(), match, crisis, entries, unreadable);
        } finally {
            pool.shutdownNow();
        }
    }
}
