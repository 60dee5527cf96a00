package nl.zorgtafel.partner.rvdk.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import nl.zorgtafel.api.model.Advice;
import nl.zorgtafel.api.model.Bsn;
import nl.zorgtafel.api.model.Investigation;
import nl.zorgtafel.api.model.Measure;
import nl.zorgtafel.api.model.MeasureKind;
import nl.zorgtafel.api.model.YouthIdentity;
import nl.zorgtafel.api.partner.Fault;
import nl.zorgtafel.api.partner.InboundMessage;
import nl.zorgtafel.api.partner.InboundResult;
import nl.zorgtafel.api.partner.PartnerEvent;
import nl.zorgtafel.api.partner.PartnerEvent.AdviceGiven;
import nl.zorgtafel.api.partner.PartnerEvent.InvestigationStarted;
import nl.zorgtafel.api.partner.PartnerEvent.MeasureGranted;

/**
 * Translates a Raadsbericht of the child-protection board into canonical events (contract:
 * partners/rvdk.md).
 *
 * <p>A Raadsbericht names one youth ({@code jeugdige}) and holds exactly one of
 * {@code onderzoekGestart} (an investigation started), {@code adviesUitgebracht} (advice to
 * the court) or {@code uitspraak} (the court's ruling). A ruling that grants a measure is a
 * measure; one that refuses it changes nothing at the table and is only named as ignored.
 * Elements the format does not list, inside {@code jeugdige} or the fact, are read past and
 * named as ignored. Every fault in the message is listed, and the message is then rejected
 * as a whole.
 */
final class RaadsberichtInbound {

    static final String MEDIA_TYPE = "application/xml";

    private static final String ROOT = "raadsbericht";
    private static final String YOUTH = "jeugdige";
    private static final String INVESTIGATION = "onderzoekGestart";
    private static final String ADVICE = "adviesUitgebracht";
    private static final String RULING = "uitspraak";
    private static final Set<String> FACTS = Set.of(INVESTIGATION, ADVICE, RULING);
    private static final String ONE_FACT = "onderzoekGestart, adviesUitgebracht or uitspraak";

    private static final Set<String> YOUTH_ELEMENTS = Set.of("bsn", "voornamen", "achternaam", "geboortedatum");
    private static final Set<String> INVESTIGATION_ELEMENTS = Set.of("zaaknummer", "startdatum", "aanleiding");
    private static final Set<String> ADVICE_ELEMENTS = Set.of("zaaknummer", "datum", "advies", "toelichting");
    private static final Set<String> RULING_ELEMENTS =
            Set.of("zaaknummer", "datum", "maatregel", "ingangsdatum", "einddatum", "toegewezen");

    static final String MESSAGE_ID = "berichtId";
    private static final String SENT = "verzonden";

    /** A berichtId the core can key a message by: visible ASCII, no spaces. */
    private static final Pattern MESSAGE_ID_FORM = Pattern.compile("[\\x21-\\x7E]{1,100}");
    private static final Pattern BSN_FORM = Pattern.compile("[0-9]{8,9}");
    private static final String MEASURE_CODES =
            "ots, machtiging-gesloten-jeugdhulp, spoedmachtiging-gesloten-jeugdhulp, voogdij or geen-maatregel";

    private final RaadsberichtReader reader = new RaadsberichtReader();

    /** The {@code berichtId} attribute, when it is one the core can key a message by. */
    Optional<String> messageId(InboundMessage message) {
        return reader.rootAttribute(message, MESSAGE_ID).map(String::strip).filter(this::isMessageId);
    }

    InboundResult translate(InboundMessage message) {
        List<Fault> faults = new ArrayList<>();
        Optional<Element> document = reader.read(message, faults);
        if (document.isEmpty()) {
            return InboundResult.rejected(faults);
        }
        Element root = document.get();
        if (!root.is(ROOT)) {
            root.fault("must be a raadsbericht in the namespace " + Element.NAMESPACE);
            return InboundResult.rejected(faults);
        }
        List<String> ignored = new ArrayList<>();
        readHeader(root);
        Optional<YouthIdentity> youth = root.requiredChild(YOUTH).flatMap(element -> youth(element, ignored));
        Optional<Function<YouthIdentity, PartnerEvent>> event = fact(root).flatMap(fact -> event(fact, ignored));
        if (!faults.isEmpty()) {
            return InboundResult.rejected(faults);
        }
        // without faults the youth was read whole: every part of it that could be missing is a fault
        List<PartnerEvent> events = event.map(about -> about.apply(youth.orElseThrow())).stream().toList();
        return InboundResult.translated(events, ignored.stream().distinct().toList());
    }

    private boolean isMessageId(String value) {
        return MESSAGE_ID_FORM.matcher(value).matches();
    }

    /** The attributes of {@code raadsbericht}: checked, not translated (the core keys by the id). */
    private void readHeader(Element root) {
        Optional<String> messageId = root.attribute(MESSAGE_ID);
        if (messageId.isEmpty()) {
            root.fault(root.attributePath(MESSAGE_ID), "is required");
        } else if (!isMessageId(messageId.get())) {
            root.fault(root.attributePath(MESSAGE_ID), "must be 1 to 100 visible ASCII characters, without spaces");
        }
        Optional<String> sent = root.attribute(SENT);
        if (sent.isEmpty()) {
            root.fault(root.attributePath(SENT), "is required");
        } else if (!isDateTime(sent.get())) {
            root.fault(root.attributePath(SENT), "must be a date-time as yyyy-MM-ddTHH:mm:ss, with or without offset");
        }
    }

    private static boolean isDateTime(String value) {
        try {
            OffsetDateTime.parse(value);
            return true;
        } catch (DateTimeParseException withoutOffset) {
            try {
                LocalDateTime.parse(value);
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
    }

    /** The one fact the message reports; a fault for anything else beside {@code jeugdige}. */
    private static Optional<Element> fact(Element root) {
        List<Element> facts = new ArrayList<>();
        for (Element child : root.children()) {
            if (child.is(YOUTH)) {
                continue;
            }
            if (child.isInRaadsberichtNamespace() && FACTS.contains(child.name())) {
                facts.add(child);
            } else {
                child.fault("is unknown here: expected " + ONE_FACT);
            }
        }
        if (facts.isEmpty()) {
            root.fault("must hold one of " + ONE_FACT);
            return Optional.empty();
        }
        for (Element extra : facts.subList(1, facts.size())) {
            extra.fault("is one fact too many: a raadsbericht holds one of " + ONE_FACT);
        }
        return Optional.of(facts.get(0));
    }

    private static Optional<YouthIdentity> youth(Element youth, List<String> ignored) {
        ignored.addAll(youth.unknownChildren(YOUTH_ELEMENTS));
        Bsn bsn = bsn(youth);
        Optional<String> givenNames = youth.requiredText("voornamen");
        Optional<String> familyName = youth.requiredText("achternaam");
        Optional<LocalDate> birthDate = youth.requiredDate("geboortedatum");
        if (givenNames.isEmpty() || familyName.isEmpty() || birthDate.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new YouthIdentity(bsn, givenNames.get(), familyName.get(), birthDate.get()));
    }

    /**
     * The BSN, or {@code null} when the youth has none (common for trafficking victims: the
     * element is left out or empty) or when it is not a BSN, which is then a fault.
     */
    private static Bsn bsn(Element youth) {
        Optional<Element> element = youth.child("bsn");
        Optional<String> digits = element.flatMap(Element::text);
        if (digits.isEmpty()) {
            return null;
        }
        if (!BSN_FORM.matcher(digits.get()).matches()) {
            element.get().fault("must be nine digits");
            return null;
        }
        if (!Bsn.isValid(digits.get())) {
            element.get().fault("fails the elfproef");
            return null;
        }
        return Bsn.of(digits.get());
    }

    /** The event the fact makes, once its youth is known; empty when it makes none or is faulty. */
    private static Optional<Function<YouthIdentity, PartnerEvent>> event(Element fact, List<String> ignored) {
        return switch (fact.name()) {
            case INVESTIGATION -> investigation(fact, ignored)
                    .map(investigation -> youth -> new InvestigationStarted(youth, investigation));
            case ADVICE -> advice(fact, ignored).map(advice -> youth -> new AdviceGiven(youth, advice));
            default -> ruling(fact, ignored).map(measure -> youth -> new MeasureGranted(youth, measure));
        };
    }

    private static Optional<Investigation> investigation(Element fact, List<String> ignored) {
        ignored.addAll(fact.unknownChildren(INVESTIGATION_ELEMENTS));
        Optional<String> caseNumber = fact.requiredText("zaaknummer");
        Optional<LocalDate> startedOn = fact.requiredDate("startdatum");
        Optional<String> reason = fact.freeText("aanleiding");
        if (caseNumber.isEmpty() || startedOn.isEmpty() || reason.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Investigation(caseNumber.get(), startedOn.get(), reason.get()));
    }

    private static Optional<Advice> advice(Element fact, List<String> ignored) {
        ignored.addAll(fact.unknownChildren(ADVICE_ELEMENTS));
        Optional<String> caseNumber = fact.requiredText("zaaknummer");
        Optional<LocalDate> givenOn = fact.requiredDate("datum");
        Optional<MeasureKind> advised = measureKind(fact, "advies");
        Optional<String> explanation = fact.freeText("toelichting");
        if (caseNumber.isEmpty() || givenOn.isEmpty() || advised.isEmpty() || explanation.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Advice(caseNumber.get(), givenOn.get(), advised.get(), explanation.get()));
    }

    /** A granted measure; empty when refused (named as ignored) or faulty (faults recorded). */
    private static Optional<Measure> ruling(Element fact, List<String> ignored) {
        ignored.addAll(fact.unknownChildren(RULING_ELEMENTS));
        Optional<String> caseNumber = fact.requiredText("zaaknummer");
        fact.requiredDate("datum");
        Optional<MeasureKind> kind = measureKind(fact, "maatregel");
        Optional<LocalDate> startsOn = fact.requiredDate("ingangsdatum");
        Optional<LocalDate> endsOn = fact.optionalDate("einddatum");
        Optional<Boolean> granted = granted(fact);
        if (startsOn.isPresent() && endsOn.isPresent() && endsOn.get().isBefore(startsOn.get())) {
            fact.fault(fact.path() + "/einddatum", "is before ingangsdatum");
            return Optional.empty();
        }
        if (granted.isPresent() && granted.get() && kind.filter(MeasureKind.NONE::equals).isPresent()) {
            fact.fault(fact.path() + "/maatregel", "geen-maatregel cannot be granted (toegewezen=true)");
            return Optional.empty();
        }
        if (caseNumber.isEmpty() || kind.isEmpty() || startsOn.isEmpty() || granted.isEmpty()) {
            return Optional.empty();
        }
        if (!granted.get()) {
            ignored.add(fact.path() + " (toegewezen=false)");
            return Optional.empty();
        }
        return Optional.of(new Measure(caseNumber.get(), kind.get(), startsOn.get(), endsOn.orElse(null)));
    }

    private static Optional<MeasureKind> measureKind(Element fact, String childName) {
        Optional<String> code = fact.requiredText(childName);
        Optional<MeasureKind> kind = code.flatMap(MeasureKind::fromCode);
        if (code.isPresent() && kind.isEmpty()) {
            fact.fault(fact.path() + "/" + childName, "must be " + MEASURE_CODES);
        }
        return kind;
    }

    /** {@code toegewezen}: true or false, as XML Schema writes a boolean (1 and 0 too). */
    private static Optional<Boolean> granted(Element fact) {
        Optional<String> value = fact.requiredText("toegewezen");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return switch (value.get()) {
            case "true", "1" -> Optional.of(true);
            case "false", "0" -> Optional.of(false);
            default -> {
                fact.fault(fact.path() + "/toegewezen", "must be true or false");
                yield Optional.empty();
            }
        };
    }
}
