package nl.zorgtafel.performance.loaddriver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class MessageMixTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = "t1x";
    private final TestYouths youths = new TestYouths(50, 7);

    @Test
    void youths_have_elfproef_bsns_from_the_test_range_and_invented_names() {
        Set<String> bsns = new HashSet<>();
        for (TestYouths.Youth youth : youths.all()) {
            assertThat(youth.bsn()).startsWith("99999").hasSize(9);
            assertThat(TestYouths.passesElfproef(youth.bsn())).isTrue();
            assertThat(youth.givenName()).isNotBlank();
            assertThat(youth.birthDate()).isBetween(LocalDate.of(1997, 1, 1), LocalDate.of(2010, 12, 31));
            bsns.add(youth.bsn());
        }
        assertThat(bsns).hasSize(50);
        assertThat(new TestYouths(50, 7, true).all()).extracting(TestYouths.Youth::bsn).doesNotContainAnyElementsOf(bsns);
        assertThat(new TestYouths(50, 7).all()).isEqualTo(youths.all());
        assertThat(TestYouths.validTestBsns()).allMatch(TestYouths::passesElfproef).hasSizeGreaterThan(800);
        assertThat(TestYouths.passesElfproef("999990019")).isTrue();
        assertThat(TestYouths.passesElfproef("999990018")).isFalse();
        assertThat(TestYouths.passesElfproef("000000000")).isFalse();
    }

    @Test
    void ggz_messages_are_fhir_bundles_with_a_patient_a_flag_and_an_episode() throws Exception {
        MessageMix mix = mix(0, 0.5);
        for (int i = 0; i < 200; i++) {
            PartnerMessage message = mix.next("ggz");
            assertThat(message.mediaType()).isEqualTo("application/fhir+json");
            JsonNode bundle = JSON.readTree(message.body());
            assertThat(bundle.path("resourceType").asText()).isEqualTo("Bundle");
            assertThat(bundle.path("id").asText()).isEqualTo(message.messageId()).matches("[A-Za-z0-9\\-.]{1,64}");
            JsonNode entries = bundle.path("entry");
            assertThat(entries).hasSize(3);
            JsonNode patient = entries.get(0).path("resource");
            String bsn = patient.path("identifier").get(0).path("value").asText();
            assertThat(bsn).isEqualTo(youths.get(message.youth()).bsn());
            assertThat(TestYouths.passesElfproef(bsn)).isTrue();
            JsonNode flag = entries.get(1).path("resource");
            assertThat(flag.path("subject").path("reference").asText()).isEqualTo(entries.get(0).path("fullUrl").asText());
            LocalDate.parse(flag.path("period").path("start").asText());
            boolean crisis = flag.path("category").path(0).path("coding").path(0).path("code").asText().equals("safety");
            assertThat(message.crisisSignals()).isEqualTo(crisis ? 1 : 0);
            assertThat(message.references()).containsExactly("Flag/" + flag.path("id").asText(),
                    "EpisodeOfCare/" + entries.get(2).path("resource").path("id").asText());
        }
    }

    @Test
    void rvdk_messages_are_raadsberichten_with_one_fact() throws Exception {
        MessageMix mix = mix(0, 0);
        for (int i = 0; i < 100; i++) {
            PartnerMessage message = mix.next("rvdk");
            Document xml = parse(message.body());
            Element root = xml.getDocumentElement();
            assertThat(root.getLocalName()).isEqualTo("raadsbericht");
            assertThat(root.getNamespaceURI()).isEqualTo("urn:nl:rvdk:zorgtafel:raadsbericht:1");
            assertThat(root.getAttribute("berichtId")).isEqualTo(message.messageId());
            String bsn = text(root, "bsn");
            assertThat(TestYouths.passesElfproef(bsn)).isTrue();
            assertThat(message.references()).containsExactly(text(root, "zaaknummer"));
            LocalDate.parse(text(root, "geboortedatum"));
        }
    }

    @Test
    void horizon_messages_are_jw305_or_jw307_with_one_product() throws Exception {
        MessageMix mix = mix(0, 0);
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            PartnerMessage message = mix.next("horizon");
            Element root = parse(message.body()).getDocumentElement();
            assertThat(root.getLocalName()).isEqualTo("Bericht");
            String code = text(root, "BerichtCode");
            codes.add(code);
            assertThat(root.getNamespaceURI()).endsWith(code.equals("438") ? "jw305/schema" : "jw307/schema");
            assertThat(text(root, "Identificatie")).isEqualTo(message.messageId());
            assertThat(TestYouths.passesElfproef(text(root, "Bsn"))).isTrue();
            assertThat(message.references()).containsExactly(text(root, "ToewijzingNummer"));
            LocalDate start = LocalDate.parse(text(root, "Begindatum"));
            if (code.equals("440")) {
                assertThat(LocalDate.parse(text(root, "Einddatum"))).isAfter(start);
            }
        }
        assertThat(codes).containsExactlyInAnyOrder("438", "440");
    }

    @Test
    void mee_messages_are_csv_batches_keyed_by_their_idempotency_key() {
        MessageMix mix = mix(0, 0);
        DateTimeFormatter date = DateTimeFormatter.ofPattern("dd-MM-uuuu").withResolverStyle(ResolverStyle.STRICT);
        for (int i = 0; i < 100; i++) {
            PartnerMessage message = mix.next("mee");
            assertThat(message.idempotencyKey()).isEqualTo(message.messageId());
            assertThat(message.mediaType()).startsWith("text/csv");
            List<List<String>> rows = csv(new String(message.body(), StandardCharsets.UTF_8));
            assertThat(rows.get(0)).containsExactly("bsn", "voornamen", "achternaam", "geboortedatum",
                    "trajectnummer", "trajectsoort", "startdatum", "einddatum", "reden_einde", "zorgsignaal");
            assertThat(rows).hasSizeBetween(2, 4);
            List<String> references = new ArrayList<>();
            for (List<String> row : rows.subList(1, rows.size())) {
                assertThat(row).hasSize(10);
                assertThat(TestYouths.passesElfproef(row.get(0))).isTrue();
                LocalDate.parse(row.get(3), date);
                LocalDate.parse(row.get(6), date);
                references.add(row.get(4));
                if (!row.get(9).isEmpty()) {
                    references.add(row.get(4) + "/zorgsignaal");
                }
            }
            assertThat(message.references()).containsExactlyElementsOf(references);
        }
    }

    @Test
    void jbrr_messages_are_canonical_json_with_signals() throws Exception {
        MessageMix mix = mix(0, 0.5);
        for (int i = 0; i < 100; i++) {
            PartnerMessage message = mix.next("jbrr");
            JsonNode json = JSON.readTree(message.body());
            assertThat(json.path("messageId").asText()).isEqualTo(message.messageId());
            List<String> references = new ArrayList<>();
            for (JsonNode signal : json.path("signals")) {
                assertThat(TestYouths.passesElfproef(signal.path("youth").path("bsn").asText())).isTrue();
                assertThat(signal.path("urgency").asText()).isIn("normal", "crisis");
                LocalDate.parse(signal.path("observedOn").asText());
                references.add(signal.path("partnerReference").asText());
            }
            assertThat(message.references()).containsExactlyElementsOf(references);
            // the crisis team's own crisis signals are not notified back to it
            assertThat(message.crisisSignals()).isZero();
        }
    }

    @Test
    void ids_and_references_are_unique_and_carry_the_run_id() {
        MessageMix mix = mix(0.05, 0.3);
        Set<String> ids = new HashSet<>();
        Set<String> references = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            PartnerMessage message = mix.next();
            assertThat(ids.add(message.partnerId() + "/" + message.messageId())).isTrue();
            assertThat(message.messageId()).contains("-" + RUN + "-");
            for (String reference : message.references()) {
                assertThat(reference).contains("-" + RUN + "-");
                assertThat(references.add(reference)).isTrue();
            }
        }
    }

    @Test
    void bad_messages_carry_an_impossible_date_and_expect_nothing() throws Exception {
        MessageMix mix = mix(1, 0);
        DateTimeFormatter meeDate = DateTimeFormatter.ofPattern("dd-MM-uuuu").withResolverStyle(ResolverStyle.STRICT);
        for (String partner : MessageMix.PARTNERS) {
            PartnerMessage message = mix.next(partner);
            assertThat(message.bad()).isTrue();
            assertThat(message.references()).isEmpty();
            String body = new String(message.body(), StandardCharsets.UTF_8);
            boolean impossible = false;
            for (String candidate : List.of("2015-02-30", "2015-13-01")) {
                impossible |= body.contains(candidate);
            }
            if (partner.equals("mee")) {
                impossible = csv(body).stream().skip(1).anyMatch(row -> {
                    try {
                        LocalDate.parse(row.get(6), meeDate);
                        return false;
                    } catch (DateTimeParseException e) {
                        return true;
                    }
                });
            }
            assertThat(impossible).as(partner).isTrue();
        }
    }

    @Test
    void the_mix_follows_the_weights() {
        Map<String, Integer> weights = new LinkedHashMap<>();
        weights.put("ggz", 40);
        weights.put("rvdk", 15);
        weights.put("horizon", 15);
        weights.put("mee", 10);
        weights.put("jbrr", 20);
        MessageMix mix = new MessageMix(weights, youths, RUN, 0, 0, 3);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            counts.merge(mix.next().partnerId(), 1, Integer::sum);
        }
        weights.forEach((partner, weight) -> assertThat(counts.get(partner)).as(partner)
                .isBetween(weight * 100 - 300, weight * 100 + 300));
        assertThatThrownBy(() -> new MessageMix(Map.of("police", 1), youths, RUN, 0, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private MessageMix mix(double bad, double crisis) {
        Map<String, Integer> all = new LinkedHashMap<>();
        MessageMix.PARTNERS.forEach(partner -> all.put(partner, 1));
        return new MessageMix(all, youths, RUN, bad, crisis, 11);
    }

    private static Document parse(byte[] body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        return builder.parse(new ByteArrayInputStream(body));
    }

    private static String text(Element root, String localName) {
        return root.getElementsByTagNameNS("*", localName).item(0).getTextContent().strip();
    }

    /** A small CSV reader for the test: separator ';', quotes '"' with '""' inside, CRLF rows. */
    private static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ';') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r') {
                continue;
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        return rows;
    }
}
