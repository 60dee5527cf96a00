package nl.zorgtafel.partner.horizon.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import nl.zorgtafel.api.model.Bsn;
import nl.zorgtafel.api.model.CareTrajectory;
import nl.zorgtafel.api.model.TrajectoryEnding;
import nl.zorgtafel.api.model.YouthIdentity;
import nl.zorgtafel.api.partner.Fault;
import nl.zorgtafel.api.partner.InboundMessage;
import nl.zorgtafel.api.partner.InboundResult;
import nl.zorgtafel.api.partner.PartnerEvent;
import nl.zorgtafel.api.partner.PartnerEvent.TrajectoryReported;
import nl.zorgtafel.api.partner.PartnerEvent.TrajectoryWithdrawn;

/**
 * Translates Horizon's iJw 3.2 JW305 (start zorg) and JW307 (stop zorg) into canonical
 * events (contract: partners/horizon.md).
 *
 * <p>Each product is one trajectory of the client, referenced by its
 * {@code ToewijzingNummer} or, without one, by {@code <Categorie>/<Begindatum>}, so that a
 * JW307 ends what the JW305 of the same assignment started (the core updates a trajectory
 * by its reference):
 * <ul>
 *   <li>a {@code StartProduct} reports the trajectory as started;</li>
 *   <li>a {@code StopProduct} reports it started and ended, with the JZ588 reason; a stop
 *       for a trajectory the table never saw start is kept the same way;</li>
 *   <li>{@code StatusAanlevering} 3 deletes an earlier delivery: for a start the
 *       trajectory is withdrawn; for a stop only the ending is, and the trajectory is
 *       reported as running again (the care did start, so its history must not go).</li>
 * </ul>
 * Elements the contract does not list are read past and named as ignored (without
 * position); listed elements the table has no use for (Afzender, XsdVersie, Product/Code, …)
 * are read past silently. Every fault is listed, and the message is then rejected whole.
 */
final class IjwInbound {

    static final String MEDIA_TYPE = "application/xml";

    private static final String DELETE = "3";
    private static final Set<String> DELIVERY_STATUSES = Set.of("1", "2", DELETE);
    private static final Pattern TWO_DIGITS = Pattern.compile("[0-9]{2}");
    private static final Pattern BSN_FORM = Pattern.compile("[0-9]{8,9}");
    /** An Identificatie the core can key a message by: visible ASCII, no spaces. */
    private static final Pattern IDENTIFICATIE = Pattern.compile("[\\x21-\\x7E]{1,100}");

    private static final Set<String> BERICHT = Set.of("Header", "Client");
    private static final Set<String> HEADER = Set.of("BerichtCode", "BerichtVersie", "BerichtSubversie", "Afzender",
            "Ontvanger", "BerichtIdentificatie", "XsdVersie");
    private static final Set<String> IDENTIFICATION = Set.of("Identificatie", "Dagtekening");
    private static final Set<String> BIRTH_DATE = Set.of("Datum", "DatumGebruik");
    private static final Set<String> NAME = Set.of("Geslachtsnaam", "Voorletters", "NaamGebruik");
    private static final Set<String> FAMILY_NAME = Set.of("Voorvoegsel", "Achternaam");
    private static final Set<String> PRODUCT = Set.of("Categorie", "Code");
    private static final Set<String> START_PRODUCT =
            Set.of("ToewijzingNummer", "Product", "ToewijzingIngangsdatum", "Begindatum", "StatusAanlevering");
    private static final Set<String> STOP_PRODUCT = Set.of("ToewijzingNummer", "Product", "ToewijzingIngangsdatum",
            "Begindatum", "RedenBeeindiging", "Einddatum", "StatusAanlevering");

    private final IjwReader reader = new IjwReader();

    /** {@code Header/BerichtIdentificatie/Identificatie}, when it is one the core can key by. */
    Optional<String> messageId(InboundMessage message) {
        return reader.identificatie(message).map(String::strip).filter(id -> IDENTIFICATIE.matcher(id).matches());
    }

    InboundResult translate(InboundMessage message) {
        Set<Fault> faults = new LinkedHashSet<>();
        Optional<IjwNode> document = reader.read(message, faults);
        if (document.isEmpty()) {
            return InboundResult.rejected(List.copyOf(faults));
        }
        IjwElement bericht = IjwElement.document(document.get(), faults);
        Optional<IjwMessage> kind = IjwMessage.ofNamespace(document.get().namespace())
                .filter(known -> "Bericht".equals(document.get().name()));
        if (kind.isEmpty()) {
            bericht.fault("must be the Bericht of a JW305 or JW307 in its iJw 3.2 namespace");
            return InboundResult.rejected(List.copyOf(faults));
        }
        List<String> ignored = new ArrayList<>(bericht.unlisted(BERICHT));
        header(bericht.required("Header"), kind.get(), ignored);
        IjwElement client = bericht.required("Client");
        Optional<YouthIdentity> youth = client(client, kind.get(), ignored);
        List<Function<YouthIdentity, PartnerEvent>> products = products(client, kind.get(), ignored);
        if (!faults.isEmpty()) {
            return InboundResult.rejected(List.copyOf(faults));
        }
        // without faults the client was read whole: each part that could be missing is a fault
        YouthIdentity identity = youth.orElseThrow();
        List<PartnerEvent> events = products.stream().map(product -> product.apply(identity)).toList();
        return InboundResult.translated(events, ignored.stream().distinct().toList());
    }

    private static void header(IjwElement header, IjwMessage kind, List<String> ignored) {
        ignored.addAll(header.unlisted(HEADER));
        IjwElement code = header.required("BerichtCode");
        code.requiredText().ifPresent(value -> {
            Optional<IjwMessage> named = IjwMessage.ofCode(value);
            if (named.isEmpty()) {
                code.fault("must be 438 (JW305) or 440 (JW307)");
            } else if (named.get() != kind) {
                code.fault("does not match the namespace, which is that of a " + kind + " (" + kind.code() + ")");
            }
        });
        header.required("BerichtVersie").code(IjwMessage.VERSION::equals, "must be 3: this is iJw 3.2");
        header.required("BerichtSubversie").code(IjwMessage.SUBVERSION::equals, "must be 2: this is iJw 3.2");
        IjwElement identification = header.required("BerichtIdentificatie");
        ignored.addAll(identification.unlisted(IDENTIFICATION));
        identification.required("Identificatie").code(id -> IDENTIFICATIE.matcher(id).matches(),
                "must be 1 to 100 visible ASCII characters, without spaces");
        identification.required("Dagtekening").date();
    }

    private static Optional<YouthIdentity> client(IjwElement client, IjwMessage kind, List<String> ignored) {
        Set<String> listed = Set.of("Bsn", "Geboortedatum", "Geslacht", "Naam", kind.productList(),
                kind.otherProductList());
        ignored.addAll(client.unlisted(listed));
        Optional<Bsn> bsn = bsn(client.required("Bsn"));
        IjwElement birth = client.required("Geboortedatum");
        ignored.addAll(birth.unlisted(BIRTH_DATE));
        Optional<LocalDate> birthDate = birth.required("Datum").date();
        IjwElement name = client.required("Naam");
        ignored.addAll(name.unlisted(NAME));
        IjwElement familyName = name.required("Geslachtsnaam");
        ignored.addAll(familyName.unlisted(FAMILY_NAME));
        Optional<String> prefix = familyName.child("Voorvoegsel").text();
        Optional<String> surname = familyName.required("Achternaam").requiredText();
        // JW305 and JW307 carry initials only: they are the given name the table gets
        Optional<String> initials = name.child("Voorletters").text();
        if (bsn.isEmpty() || birthDate.isEmpty() || surname.isEmpty()) {
            return Optional.empty();
        }
        String family = prefix.map(voorvoegsel -> voorvoegsel + " " + surname.get()).orElse(surname.get());
        return Optional.of(new YouthIdentity(bsn.get(), initials.orElse(""), family, birthDate.get()));
    }

    private static Optional<Bsn> bsn(IjwElement bsn) {
        Optional<String> digits = bsn.requiredText();
        if (digits.isEmpty()) {
            return Optional.empty();
        }
        if (!BSN_FORM.matcher(digits.get()).matches()) {
            bsn.fault("must be nine digits");
            return Optional.empty();
        }
        if (!Bsn.isValid(digits.get())) {
            bsn.fault("fails the elfproef");
            return Optional.empty();
        }
        return Optional.of(Bsn.of(digits.get()));
    }

    /** One event per product, waiting for the client it is about. */
    private static List<Function<YouthIdentity, PartnerEvent>> products(IjwElement client, IjwMessage kind,
                                                                        List<String> ignored) {
        IjwElement other = client.child(kind.otherProductList());
        if (other.isPresent()) {
            other.fault("does not belong in a " + kind + ": it lists " + kind.product() + "s only");
        }
        IjwElement list = client.required(kind.productList());
        ignored.addAll(list.unlisted(Set.of(kind.product())));
        List<IjwElement> products = list.all(kind.product());
        if (list.isPresent() && products.isEmpty()) {
            list.fault("must hold at least one " + kind.product());
        }
        List<Function<YouthIdentity, PartnerEvent>> events = new ArrayList<>(products.size());
        for (IjwElement product : products) {
            product(product, kind, ignored).ifPresent(events::add);
        }
        return events;
    }

    private static Optional<Function<YouthIdentity, PartnerEvent>> product(IjwElement product, IjwMessage kind,
                                                                           List<String> ignored) {
        ignored.addAll(product.unlisted(kind.endsCare() ? STOP_PRODUCT : START_PRODUCT));
        Optional<String> assignment = product.child("ToewijzingNummer").text();
        IjwElement productCode = product.required("Product");
        ignored.addAll(productCode.unlisted(PRODUCT));
        Optional<String> category = productCode.required("Categorie")
                .code(TWO_DIGITS.asMatchPredicate(), "must be a JZ020 product category of two digits");
        product.child("ToewijzingIngangsdatum").date();
        Optional<LocalDate> startedOn = product.required("Begindatum").date();
        Optional<String> status = product.required("StatusAanlevering")
                .code(DELIVERY_STATUSES::contains, "must be 1 (first delivery), 2 (correction) or 3 (delete)");
        Optional<TrajectoryEnding> ending = kind.endsCare() ? ending(product, startedOn) : Optional.empty();
        if (category.isEmpty() || startedOn.isEmpty() || status.isEmpty() || (kind.endsCare() && ending.isEmpty())) {
            return Optional.empty();
        }
        String reference = assignment.orElse(category.get() + "/" + startedOn.get());
        if (DELETE.equals(status.get()) && !kind.endsCare()) {
            return Optional.of(youth -> new TrajectoryWithdrawn(youth, reference));
        }
        TrajectoryEnding reported = DELETE.equals(status.get()) ? null : ending.orElse(null);
        CareTrajectory trajectory =
                new CareTrajectory(reference, CareCodes.careKind(category.get()), startedOn.get(), reported);
        return Optional.of(youth -> new TrajectoryReported(youth, trajectory));
    }

    /** How a stopped product ended; a fault when it ends before it began. */
    private static Optional<TrajectoryEnding> ending(IjwElement product, Optional<LocalDate> startedOn) {
        Optional<String> reason = product.required("RedenBeeindiging")
                .code(TWO_DIGITS.asMatchPredicate(), "must be a JZ588 reason of two digits");
        IjwElement end = product.required("Einddatum");
        Optional<LocalDate> endedOn = end.date();
        if (endedOn.isPresent() && startedOn.isPresent() && endedOn.get().isBefore(startedOn.get())) {
            end.fault("is before Begindatum");
            return Optional.empty();
        }
        if (reason.isEmpty() || endedOn.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TrajectoryEnding(endedOn.get(), CareCodes.endingKind(reason.get()), reason.get()));
    }
}
