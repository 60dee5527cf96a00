package nl.zorgtafel.performance.loaddriver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Makes the partner messages of a run: each partner in its own format (GGZ FHIR JSON, RvdK
 * Raadsbericht XML, Horizon iJw JW305/JW307 XML, MEE CSV, JBRR canonical JSON), in the
 * configured proportions, each with a message id unique to the run and about one of the
 * run's test youths. Every reference a message creates carries the run id, so that the
 * cases can be checked for it afterwards. A configurable share is deliberately faulty (an
 * impossible date), which the platform must reject.
 */
final class MessageMix {

    static final List<String> PARTNERS = List.of("ggz", "rvdk", "horizon", "mee", "jbrr");
    private static final DateTimeFormatter MEE_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final String[] CATEGORIES = {"exploitation-suspected", "prostitution", "loverboy", "runaway",
        "school-dropout", "other"};
    private static final String[] SUMMARIES = {"Komt niet meer op afspraken", "Nieuwe oudere vriend haalt haar op",
        "Veel geld en nieuwe kleding zonder uitleg", "Weggelopen uit de leefgroep", "Verzuimt al weken van school",
        "Moeder maakt zich zorgen over contacten online"};

    private final Map<String, Integer> weights;
    private final int totalWeight;
    private final TestYouths youths;
    private final String runId;
    private final double badFraction;
    private final double crisisFraction;
    private final Random random;
    private final ObjectMapper json = new ObjectMapper();
    private long sequence;

    /**
     * @param weights partner id to its share of the messages (e.g. ggz=40); unknown partners are refused
     * @param runId short, letters and digits: goes into every id and reference
     * @param badFraction share of deliberately faulty messages, 0..1
     * @param crisisFraction share of signals sent as crisis signals, 0..1
     */
    MessageMix(Map<String, Integer> weights, TestYouths youths, String runId, double badFraction,
               double crisisFraction, long seed) {
        if (!runId.matches("[a-z0-9]{1,16}")) {
            throw new IllegalArgumentException("runId must be 1..16 lower-case letters or digits");
        }
        Map<String, Integer> copy = new LinkedHashMap<>();
        weights.forEach((partner, weight) -> {
            if (!PARTNERS.contains(partner)) {
                throw new IllegalArgumentException("unknown partner " + partner + "; known: " + PARTNERS);
            }
            if (weight < 0) {
                throw new IllegalArgumentException("negative weight for " + partner);
            }
            if (weight > 0) {
                copy.put(partner, weight);
            }
        });
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("the mix names no partner with a positive weight");
        }
        this.weights = Map.copyOf(copy);
        this.totalWeight = copy.values().stream().mapToInt(Integer::intValue).sum();
        this.youths = youths;
        this.runId = runId;
        this.badFraction = badFraction;
        this.crisisFraction = crisisFraction;
        this.random = new Random(seed);
    }

    Map<String, Integer> weights() {
        return weights;
    }

    /** The next message of the mix. */
    synchronized PartnerMessage next() {
        int pick = random.nextInt(totalWeight);
        String partner = null;
        for (String candidate : PARTNERS) {
            Integer weight = weights.get(candidate);
            if (weight == null) {
                continue;
            }
            if (pick < weight) {
                partner = candidate;
                break;
            }
            pick -= weight;
        }
        return next(partner);
    }

    /** The next message of one partner. */
    synchronized PartnerMessage next(String partner) {
        long seq = ++sequence;
        int youth = random.nextInt(youths.size());
        boolean bad = random.nextDouble() < badFraction;
        return switch (partner) {
            case "ggz" -> ggz(seq, youth, bad);
            case "rvdk" -> rvdk(seq, youth, bad);
            case "horizon" -> horizon(seq, youth, bad);
            case "mee" -> mee(seq, youth, bad);
            case "jbrr" -> jbrr(seq, youth, bad);
            default -> throw new IllegalArgumentException("unknown partner " + partner);
        };
    }

    // ---- GGZ: a FHIR R4 collection Bundle with a Patient, a Flag and an EpisodeOfCare ----

    private PartnerMessage ggz(long seq, int youthIndex, boolean bad) {
        TestYouths.Youth youth = youths.get(youthIndex);
        String id = "ggz-" + runId + "-" + seq;
        String flagId = "f-" + runId + "-" + seq;
        String episodeId = "e-" + runId + "-" + seq;
        String patientUrl = "urn:uuid:" + new UUID(random.nextLong(), random.nextLong());
        boolean crisis = random.nextDouble() < crisisFraction;
        LocalDate observed = observedOn();

        ObjectNode bundle = json.createObjectNode();
        bundle.put("resourceType", "Bundle");
        bundle.put("id", id);
        bundle.put("type", "collection");
        ArrayNode entries = bundle.putArray("entry");

        ObjectNode patientEntry = entries.addObject();
        patientEntry.put("fullUrl", patientUrl);
        ObjectNode patient = patientEntry.putObject("resource");
        patient.put("resourceType", "Patient");
        ObjectNode identifier = patient.putArray("identifier").addObject();
        identifier.put("system", "http://fhir.nl/fhir/NamingSystem/bsn");
        identifier.put("value", youth.bsn());
        ObjectNode name = patient.putArray("name").addObject();
        name.put("family", youth.fullFamilyName());
        name.putArray("given").add(youth.givenName());
        patient.put("gender", "female");
        patient.put("birthDate", youth.birthDate().toString());

        ObjectNode flag = entries.addObject().putObject("resource");
        flag.put("resourceType", "Flag");
        flag.put("id", flagId);
        flag.put("status", "active");
        if (crisis) {
            ObjectNode coding = flag.putArray("category").addObject().putArray("coding").addObject();
            coding.put("system", "http://terminology.hl7.org/CodeSystem/flag-category");
            coding.put("code", "safety");
        }
        ObjectNode code = flag.putObject("code");
        ObjectNode category = code.putArray("coding").addObject();
        category.put("system", "urn:nl:zorgtafel:signal-category");
        category.put("code", pick(CATEGORIES));
        code.put("text", pick(SUMMARIES));
        flag.putObject("subject").put("reference", patientUrl);
        // the deliberate fault: a date that does not exist
        flag.putObject("period").put("start", bad ? "2015-02-30" : observed.toString());

        ObjectNode episode = entries.addObject().putObject("resource");
        episode.put("resourceType", "EpisodeOfCare");
        episode.put("id", episodeId);
        episode.put("status", "active");
        episode.putArray("type").addObject().put("text", "Ambulante behandeling jeugd-GGZ");
        episode.putObject("patient").put("reference", patientUrl);
        episode.putObject("managingOrganization").put("display", "GGZ Rijnmond");
        episode.putObject("period").put("start", observed.minusMonths(3).toString());

        List<String> references = bad ? List.of() : List.of("Flag/" + flagId, "EpisodeOfCare/" + episodeId);
        return new PartnerMessage("ggz", id, "application/fhir+json", bytes(bundle), null, youthIndex, bad,
                references, bad || !crisis ? 0 : 1);
    }

    // ---- RvdK: a raadsbericht with one of onderzoekGestart, adviesUitgebracht, uitspraak ----

    private PartnerMessage rvdk(long seq, int youthIndex, boolean bad) {
        TestYouths.Youth youth = youths.get(youthIndex);
        String id = "rvdk-" + runId + "-" + seq;
        String caseNumber = "RT-" + runId + "-" + seq;
        LocalDate date = observedOn();
        String dateText = bad ? "2015-13-01" : date.toString();
        StringBuilder xml = new StringBuilder(600);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<raadsbericht xmlns=\"urn:nl:rvdk:zorgtafel:raadsbericht:1\" berichtId=\"").append(id)
                .append("\" verzonden=\"").append(date).append("T10:05:00+02:00\">\n")
                .append("  <jeugdige>\n")
                .append("    <bsn>").append(youth.bsn()).append("</bsn>\n")
                .append("    <voornamen>").append(Xml.escape(youth.givenName())).append("</voornamen>\n")
                .append("    <achternaam>").append(Xml.escape(youth.fullFamilyName())).append("</achternaam>\n")
                .append("    <geboortedatum>").append(youth.birthDate()).append("</geboortedatum>\n")
                .append("  </jeugdige>\n");
        switch (random.nextInt(3)) {
            case 0 -> xml.append("  <onderzoekGestart>\n")
                    .append("    <zaaknummer>").append(caseNumber).append("</zaaknummer>\n")
                    .append("    <startdatum>").append(dateText).append("</startdatum>\n")
                    .append("    <aanleiding>Zorgmelding van de zorgtafel &amp; signalen van school</aanleiding>\n")
                    .append("  </onderzoekGestart>\n");
            case 1 -> xml.append("  <adviesUitgebracht>\n")
                    .append("    <zaaknummer>").append(caseNumber).append("</zaaknummer>\n")
                    .append("    <datum>").append(dateText).append("</datum>\n")
                    .append("    <advies>ots</advies>\n")
                    .append("    <toelichting>Ondertoezichtstelling geadviseerd</toelichting>\n")
                    .append("  </adviesUitgebracht>\n");
            default -> xml.append("  <uitspraak>\n")
                    .append("    <zaaknummer>").append(caseNumber).append("</zaaknummer>\n")
                    .append("    <datum>").append(dateText).append("</datum>\n")
                    .append("    <maatregel>spoedmachtiging-gesloten-jeugdhulp</maatregel>\n")
                    .append("    <ingangsdatum>").append(dateText).append("</ingangsdatum>\n")
                    .append("    <einddatum>").append(date.plusWeeks(2)).append("</einddatum>\n")
                    .append("    <toegewezen>true</toegewezen>\n")
                    .append("  </uitspraak>\n");
        }
        xml.append("</raadsbericht>\n");
        return new PartnerMessage("rvdk", id, "application/xml", xml.toString().getBytes(StandardCharsets.UTF_8),
                null, youthIndex, bad, bad ? List.of() : List.of(caseNumber), 0);
    }

    // ---- Horizon: iJw 3.2 JW305 (start) or JW307 (stop) with one product ----

    private PartnerMessage horizon(long seq, int youthIndex, boolean bad) {
        TestYouths.Youth youth = youths.get(youthIndex);
        String id = "hz-" + runId + "-" + seq;
        String assignment = "HZ-" + runId + "-" + seq;
        boolean stop = random.nextInt(5) == 0;
        LocalDate start = observedOn();
        String[] categories = {"37", "43", "45", "46"};
        String namespace = "http://www.istandaarden.nl/ijw/3_2/" + (stop ? "jw307" : "jw305") + "/schema";
        StringBuilder xml = new StringBuilder(1400);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<Bericht xmlns=\"").append(namespace).append("\">\n")
                .append("  <Header>\n")
                .append("    <BerichtCode>").append(stop ? "440" : "438").append("</BerichtCode>\n")
                .append("    <BerichtVersie>3</BerichtVersie>\n")
                .append("    <BerichtSubversie>2</BerichtSubversie>\n")
                .append("    <Afzender>98765432</Afzender>\n")
                .append("    <Ontvanger>0599</Ontvanger>\n")
                .append("    <BerichtIdentificatie>\n")
                .append("      <Identificatie>").append(id).append("</Identificatie>\n")
                .append("      <Dagtekening>").append(start.plusDays(1)).append("</Dagtekening>\n")
                .append("    </BerichtIdentificatie>\n")
                .append("    <XsdVersie>\n")
                .append("      <BasisschemaXsdVersie>1.0.0</BasisschemaXsdVersie>\n")
                .append("      <BerichtXsdVersie>1.0.0</BerichtXsdVersie>\n")
                .append("    </XsdVersie>\n")
                .append("  </Header>\n")
                .append("  <Client>\n")
                .append("    <Bsn>").append(youth.bsn()).append("</Bsn>\n")
                .append("    <Geboortedatum>\n")
                .append("      <Datum>").append(youth.birthDate()).append("</Datum>\n")
                .append("      <DatumGebruik>1</DatumGebruik>\n")
                .append("    </Geboortedatum>\n")
                .append("    <Geslacht>2</Geslacht>\n")
                .append("    <Naam>\n")
                .append("      <Geslachtsnaam>\n");
        if (!youth.familyPrefix().isEmpty()) {
            xml.append("        <Voorvoegsel>").append(Xml.escape(youth.familyPrefix())).append("</Voorvoegsel>\n");
        }
        xml.append("        <Achternaam>").append(Xml.escape(youth.familyName())).append("</Achternaam>\n")
                .append("      </Geslachtsnaam>\n")
                .append("      <Voorletters>").append(youth.initials()).append("</Voorletters>\n")
                .append("      <NaamGebruik>1</NaamGebruik>\n")
                .append("    </Naam>\n")
                .append(stop ? "    <StopProducten>\n      <StopProduct>\n"
                        : "    <StartProducten>\n      <StartProduct>\n")
                .append("        <ToewijzingNummer>").append(assignment).append("</ToewijzingNummer>\n")
                .append("        <Product>\n")
                .append("          <Categorie>").append(pick(categories)).append("</Categorie>\n")
                .append("        </Product>\n")
                .append("        <ToewijzingIngangsdatum>").append(start).append("</ToewijzingIngangsdatum>\n")
                .append("        <Begindatum>").append(bad ? "2015-02-30" : start.toString()).append("</Begindatum>\n");
        if (stop) {
            xml.append("        <RedenBeeindiging>").append(31 + random.nextInt(5)).append("</RedenBeeindiging>\n")
                    .append("        <Einddatum>").append(start.plusMonths(2)).append("</Einddatum>\n");
        }
        xml.append("        <StatusAanlevering>1</StatusAanlevering>\n")
                .append(stop ? "      </StopProduct>\n    </StopProducten>\n"
                        : "      </StartProduct>\n    </StartProducten>\n")
                .append("  </Client>\n")
                .append("</Bericht>\n");
        return new PartnerMessage("horizon", id, "application/xml", xml.toString().getBytes(StandardCharsets.UTF_8),
                null, youthIndex, bad, bad ? List.of() : List.of(assignment), 0);
    }

    // ---- MEE: a CSV batch of one to three rows, identified by its Idempotency-Key ----

    private PartnerMessage mee(long seq, int youthIndex, boolean bad) {
        String id = "mee-" + runId + "-" + seq;
        int rows = 1 + random.nextInt(3);
        int badRow = bad ? random.nextInt(rows) : -1;
        StringBuilder csv = new StringBuilder(400);
        csv.append("bsn;voornamen;achternaam;geboortedatum;trajectnummer;trajectsoort;startdatum;einddatum;"
                + "reden_einde;zorgsignaal\r\n");
        List<String> references = new ArrayList<>();
        String[] kinds = {"clientondersteuning", "gezinsondersteuning", "dagbesteding"};
        for (int row = 0; row < rows; row++) {
            // the first row is about the message's youth, further rows about others
            int index = row == 0 ? youthIndex : random.nextInt(youths.size());
            TestYouths.Youth youth = youths.get(index);
            String trajectory = "MEE-" + runId + "-" + seq + "-" + row;
            LocalDate start = observedOn();
            boolean ended = random.nextInt(3) == 0;
            boolean signal = random.nextBoolean();
            csv.append(youth.bsn()).append(';')
                    .append(Csv.field(youth.givenName())).append(';')
                    .append(Csv.field(youth.fullFamilyName())).append(';')
                    .append(youth.birthDate().format(MEE_DATE)).append(';')
                    .append(trajectory).append(';')
                    .append(pick(kinds)).append(';')
                    .append(row == badRow ? "31-02-2015" : start.format(MEE_DATE)).append(';')
                    .append(ended ? start.plusMonths(2).format(MEE_DATE) : "").append(';')
                    .append(ended ? "voortijdig-client" : "").append(';')
                    .append(signal ? Csv.field(pick(SUMMARIES) + "; moeder zegt dat ze \"bij een vriend\" slaapt")
                            : "")
                    .append("\r\n");
            references.add(trajectory);
            if (signal) {
                references.add(trajectory + "/zorgsignaal");
            }
        }
        return new PartnerMessage("mee", id, "text/csv; charset=UTF-8", csv.toString().getBytes(StandardCharsets.UTF_8),
                id, youthIndex, bad, bad ? List.of() : references, 0);
    }

    // ---- JBRR: canonical JSON with one or two signals ----

    private PartnerMessage jbrr(long seq, int youthIndex, boolean bad) {
        String id = "jbrr-" + runId + "-" + seq;
        ObjectNode message = json.createObjectNode();
        message.put("messageId", id);
        ArrayNode signals = message.putArray("signals");
        int count = 1 + random.nextInt(2);
        List<String> references = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            TestYouths.Youth youth = youths.get(i == 0 ? youthIndex : random.nextInt(youths.size()));
            ObjectNode signal = signals.addObject();
            ObjectNode person = signal.putObject("youth");
            person.put("bsn", youth.bsn());
            person.put("givenName", youth.givenName());
            person.put("familyName", youth.fullFamilyName());
            person.put("birthDate", youth.birthDate().toString());
            signal.put("category", pick(CATEGORIES));
            signal.put("urgency", random.nextDouble() < crisisFraction ? "crisis" : "normal");
            signal.put("summary", pick(SUMMARIES));
            signal.put("observedOn", bad && i == 0 ? "2015-02-30" : observedOn().toString());
            String reference = "CIT-" + runId + "-" + seq + "-" + i;
            signal.put("partnerReference", reference);
            references.add(reference);
        }
        // crisis signals of the crisis team itself are not notified back to it
        return new PartnerMessage("jbrr", id, "application/json", bytes(message), null, youthIndex, bad,
                bad ? List.of() : references, 0);
    }

    private LocalDate observedOn() {
        return LocalDate.of(2015, 1, 1).plusDays(random.nextInt(3000));
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private byte[] bytes(ObjectNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a generated message", e);
        }
    }

    /** XML text escaping for the few values that are not fixed. */
    static final class Xml {
        private Xml() {
        }

        static String escape(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }
    }

    /** CSV quoting as MEE's export does it: quoted when needed, {@code ""} inside. */
    static final class Csv {
        private Csv() {
        }

        static String field(String text) {
            if (text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
                return '"' + text.replace("\"", "\"\"") + '"';
            }
            return text;
        }
    }
}
