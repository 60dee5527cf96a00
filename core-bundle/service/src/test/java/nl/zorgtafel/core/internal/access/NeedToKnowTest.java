package nl.zorgtafel.core.internal.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.zorgtafel.api.model.CareTrajectory;
import nl.zorgtafel.api.model.Signal;
import nl.zorgtafel.api.model.SignalCategory;
import nl.zorgtafel.api.model.TrajectoryEnding;
import nl.zorgtafel.api.model.Urgency;
import nl.zorgtafel.api.model.Youth;
import nl.zorgtafel.core.internal.cases.CaseFile;
import nl.zorgtafel.core.internal.security.Caller;
import nl.zorgtafel.core.internal.store.Store.CaseRecord;
import nl.zorgtafel.core.internal.store.Store.Recorded;
import org.junit.jupiter.api.Test;

class NeedToKnowTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static CaseFile caseWithGgzAndHorizonTrajectories() {
        CaseRecord record = new CaseRecord("c-1", "y-1", "open", LocalDate.of(2026, 3, 1), false, null, null, null);
        List<Recorded<CareTrajectory>> trajectories = List.of(
                new Recorded<>("t-1", "ggz", new CareTrajectory("ggz-1", "trauma therapy (EMDR)",
                        LocalDate.of(2025, 1, 6), new TrajectoryEnding(LocalDate.of(2025, 4, 1),
                        TrajectoryEnding.Kind.EARLY, "client stopped coming"))),
                new Recorded<>("t-2", "horizon", new CareTrajectory("hz-1", "closed placement",
                        LocalDate.of(2025, 6, 2), null)));
        List<Recorded<Signal>> signals = List.of(new Recorded<>("s-1", "jbrr", new Signal("j-1",
                SignalCategory.LOVERBOY, Urgency.NORMAL, "Seen with older men", LocalDate.of(2026, 2, 20))));
        return new CaseFile(record, new Youth("y-1", "Sanne", "de Vries", LocalDate.of(2009, 3, 14)),
                Set.of("ggz", "horizon", "jbrr", "politie"), signals, trajectories, List.of(), List.of(), List.of());
    }

    private static Caller partner(String id) {
        return Caller.partnerSystem(id);
    }

    @Test
    void policeSeesThatGgzTreatmentExistedAndEndedEarlyButNotWhatItWas() {
        CaseFile view = NeedToKnow.view(caseWithGgzAndHorizonTrajectories(), partner("politie"));

        CareTrajectory ggz = view.trajectories().get(0).value();
        assertThat(view.trajectories().get(0).partnerId()).isEqualTo("ggz");
        assertThat(ggz.startedOn()).isEqualTo(LocalDate.of(2025, 1, 6));
        assertThat(ggz.ending().kind()).isEqualTo(TrajectoryEnding.Kind.EARLY);
        assertThat(ggz.ending().endedOn()).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(ggz.kind()).isEqualTo(NeedToKnow.WITHHELD);
        assertThat(ggz.ending().reason()).isEqualTo(NeedToKnow.WITHHELD);
        assertThat(view.timeline()).extracting(entry -> entry.summary()).doesNotContain("trauma therapy (EMDR)");
    }

    @Test
    void theMunicipalityDoesNotSeeTreatmentDetailsEither() {
        CaseFile view = NeedToKnow.view(caseWithGgzAndHorizonTrajectories(), partner("gemeente"));

        assertThat(view.trajectories()).extracting(t -> t.value().kind())
                .containsExactly(NeedToKnow.WITHHELD, NeedToKnow.WITHHELD);
        assertThat(view.signals().get(0).value().summary()).isEqualTo("Seen with older men");
    }

    @Test
    void youthProtectionAndTheCoordinatorSeeEverything() {
        CaseFile file = caseWithGgzAndHorizonTrajectories();

        assertThat(NeedToKnow.view(file, partner("jbrr")).trajectories()).extracting(t -> t.value().kind())
                .containsExactly("trauma therapy (EMDR)", "closed placement");
        assertThat(NeedToKnow.view(file, Caller.person("sdejong", Set.of("coordinator")))).isSameAs(file);
    }

    @Test
    void careProvidersSeeEachOthersCareButNotGgzTreatment() {
        CaseFile view = NeedToKnow.view(caseWithGgzAndHorizonTrajectories(), partner("mee"));

        assertThat(view.trajectories()).extracting(t -> t.value().kind())
                .containsExactly(NeedToKnow.WITHHELD, "closed placement");
    }

    @Test
    void aPartnerAlwaysSeesItsOwnEntriesWhole() {
        CaseFile view = NeedToKnow.view(caseWithGgzAndHorizonTrajectories(),
                Caller.person("pvisser", Set.of("partner-ggz")));

        assertThat(view.trajectories().get(0).value().kind()).isEqualTo("trauma therapy (EMDR)");
        assertThat(view.trajectories().get(1).value().kind()).isEqualTo("closed placement");
    }

    @Test
    void anUnknownPartnerSeesOnlyThatEntriesExist() {
        assertThat(NeedToKnow.visibleTo(PartnerCategory.OTHER)).containsExactly(Detail.SIGNAL_SUMMARY);
        assertThat(PartnerCategory.of("new-partner")).isEqualTo(PartnerCategory.OTHER);
    }

    /** The table in docs/privacy.md ("Who sees what") says what the code does. */
    @Test
    void thePrivacyPageShowsTheMatrixTheCodeEnforces() throws IOException {
        Path page = Path.of(System.getProperty("basedir", "."), "..", "..", "docs", "privacy.md");
        List<String> rows = Files.readAllLines(page).stream().filter(line -> line.startsWith("| ")).toList();
        Map<Detail, String> rowStart = Map.of(
                Detail.SIGNAL_SUMMARY, "| signal summary",
                Detail.CARE_DETAIL, "| care detail",
                Detail.TREATMENT_DETAIL, "| treatment detail",
                Detail.INVESTIGATION_REASON, "| reason for a child-protection investigation",
                Detail.ADVICE_EXPLANATION, "| explanation of the RvdK's advice");
        List<PartnerCategory> columns = List.of(PartnerCategory.YOUTH_PROTECTION, PartnerCategory.MENTAL_HEALTH_CARE,
                PartnerCategory.CARE, PartnerCategory.MUNICIPALITY, PartnerCategory.POLICE,
                PartnerCategory.SOCIAL_WORK, PartnerCategory.OTHER);
        for (Map.Entry<Detail, String> detail : rowStart.entrySet()) {
            String row = rows.stream().filter(line -> line.startsWith(detail.getValue())).findFirst().orElseThrow();
            String[] cells = row.split("\\|");
            for (int i = 0; i < columns.size(); i++) {
                String cell = cells[i + 2].strip();
                boolean documented = cell.equals("yes");
                assertThat(NeedToKnow.visibleTo(columns.get(i)).contains(detail.getKey()))
                        .as("%s for %s (page says '%s')", detail.getKey(), columns.get(i), cell)
                        .isEqualTo(documented);
            }
        }
    }

    @Test
    void overTheApiAPartnerGetsTheFilteredCaseAndTimeline() throws Exception {
        try (nl.zorgtafel.core.internal.ApiHarness api = new nl.zorgtafel.core.internal.ApiHarness()) {
            String ggzToken = "Bearer " + api.partner("ggz");
            JsonNode created = JSON.readTree(api.post("/signals", Map.of("Authorization", ggzToken),
                    AuthorisationMatrixTest.signal("999990019", "Sanne", "ggz-s-1")).body());
            String caseId = created.path("caseId").asText();
            // the police report about the same youth, so it is at the table too
            api.post("/signals", api.asPartner("politie"), AuthorisationMatrixTest.signal("999990019", "Sanne",
                    "pol-1"));
            api.core().cases().read(caseId).orElseThrow();

            String asPolice = api.get("/cases/" + caseId, api.asPerson("agent1", "partner-politie")).body();
            String asGgz = api.get("/cases/" + caseId, Map.of("Authorization", ggzToken)).body();

            assertThat(JSON.readTree(asPolice).path("signals")).hasSize(2);
            assertThat(asGgz).contains("Seen with older men");
            assertThat(asPolice).contains("Seen with older men");
        }
    }
}
