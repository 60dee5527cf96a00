package nl.zorgtafel.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import nl.zorgtafel.api.model.Advice;
import nl.zorgtafel.api.model.CareTrajectory;
import nl.zorgtafel.api.model.Investigation;
import nl.zorgtafel.api.model.Measure;
import nl.zorgtafel.api.model.MeasureKind;
import nl.zorgtafel.api.model.Signal;
import nl.zorgtafel.api.model.SignalCategory;
import nl.zorgtafel.api.model.TrajectoryEnding;
import nl.zorgtafel.api.model.Urgency;
import nl.zorgtafel.api.model.YouthIdentity;
import nl.zorgtafel.api.partner.PartnerEvent;
import nl.zorgtafel.core.internal.cases.CaseFile;
import nl.zorgtafel.core.internal.cases.Cases;
import nl.zorgtafel.core.internal.cases.EventApplier;
import nl.zorgtafel.core.internal.cases.YouthMatcher;
import nl.zorgtafel.core.internal.crypto.Cipher;
import nl.zorgtafel.core.internal.crypto.KeyRing;
import nl.zorgtafel.core.internal.crypto.Pseudonymizer;
import nl.zorgtafel.core.internal.store.Transactions;
import nl.zorgtafel.core.internal.testing.TestBsns;
import nl.zorgtafel.core.internal.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A case with every kind of entry, about a youth with a BSN, as the API would show it. */
class RepresentationsTest {

    @RegisterExtension
    static final TestDatabase DATABASE = new TestDatabase();

    private static final String NOOR = TestBsns.digits("999990019");
    private static final LocalDate MARCH_4 = LocalDate.of(2024, 3, 4);

    private final ObjectMapper json = Json.mapper();
    private final KeyRing keys = KeyRing.generate();
    private final Pseudonymizer pseudonymizer = new Pseudonymizer(keys);
    private Cases cases;
    private String caseId;

    @BeforeEach
    void registerACaseWithEveryKindOfEntry() {
        Transactions transactions = DATABASE.transactions();
        EventApplier applier = new EventApplier(new YouthMatcher(pseudonymizer, new Cipher(keys)),
                Clock.fixed(Instant.parse("2024-03-04T09:00:00Z"), ZoneId.of("Europe/Amsterdam")));
        cases = new Cases(transactions, applier);
        YouthIdentity noor = new YouthIdentity(TestBsns.bsn(NOOR), "Noor", "Testdal", LocalDate.of(2008, 5, 17));
        caseId = cases.registerSignal("jbrr", noor, new Signal("JBRR-1", SignalCategory.PROSTITUTION, Urgency.CRISIS,
                "found working in a brothel", MARCH_4)).caseId();
        transactions.run(store -> applier.apply(store, "rvdk", List.of(
                new PartnerEvent.TrajectoryReported(noor, new CareTrajectory("HOR-1", "closed placement", MARCH_4,
                        new TrajectoryEnding(MARCH_4.plusWeeks(3), TrajectoryEnding.Kind.EARLY, "33"))),
                new PartnerEvent.MeasureGranted(noor, new Measure("RVDK-9",
                        MeasureKind.EMERGENCY_CLOSED_CARE_AUTHORISATION, MARCH_4, MARCH_4.plusWeeks(4))),
                new PartnerEvent.InvestigationStarted(noor, new Investigation("RVDK-9", MARCH_4, "exploitation")),
                new PartnerEvent.AdviceGiven(noor, new Advice("RVDK-9", MARCH_4.plusDays(2), MeasureKind.OTS,
                        "supervision advised")))));
    }

    @Test
    void theCaseListNamesNoBsn() {
        JsonNode listing = json.valueToTree(Representations.listing(cases.list(null, null).get(0)));

        assertNoBsnIn(listing);
        assertThat(listing.path("youth").path("displayName").asText()).isEqualTo("Noor Testdal");
    }

    @Test
    void theCaseFileNamesNoBsn() {
        JsonNode file = json.valueToTree(Representations.caseFile(caseFile()));

        assertNoBsnIn(file);
        assertThat(file.path("trajectories")).hasSize(1);
        assertThat(file.path("advice")).hasSize(1);
    }

    @Test
    void theTimelineNamesNoBsn() {
        JsonNode timeline = json.valueToTree(Representations.timeline(caseFile()));

        assertNoBsnIn(timeline);
        assertThat(timeline.path("entries").findValuesAsText("kind")).contains("signal", "trajectory-start",
                "trajectory-end", "measure", "investigation", "advice");
    }

    private CaseFile caseFile() {
        return cases.read(caseId).orElseThrow();
    }

    private void assertNoBsnIn(JsonNode node) {
        assertThat(fieldNames(node, new ArrayList<>())).isNotEmpty().noneMatch(name -> name.toLowerCase().contains("bsn"));
        assertThat(node.toString()).doesNotContain(NOOR).doesNotContain(pseudonymizer.pseudonymOf(TestBsns.bsn(NOOR)));
    }

    private static List<String> fieldNames(JsonNode node, List<String> names) {
        node.fields().forEachRemaining(field -> {
            names.add(field.getKey());
            fieldNames(field.getValue(), names);
        });
        node.elements().forEachRemaining(element -> fieldNames(element, names));
        return names;
    }
}
