package nl.zorgtafel.partner.ggz.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.zorgtafel.api.model.Bsn;
import nl.zorgtafel.api.model.YouthIdentity;

/**
 * Reads the youth (jeugdige) from a FHIR {@code Patient}: a plain R4 one or a Dutch
 * {@code nl-core-patient}, whose many extensions it reads past.
 */
final class PatientReader {

    static final String BSN_SYSTEM = "http://fhir.nl/fhir/NamingSystem/bsn";
    private static final String NAME_QUALIFIER = "http://hl7.org/fhir/StructureDefinition/iso21090-EN-qualifier";
    private static final String INITIALS = "IN";

    /** The youth, or empty when the Patient has a fault (listed in the element's faults). */
    Optional<YouthIdentity> read(Element patient) {
        int faultsBefore = patient.faults().count();
        Optional<Bsn> bsn = bsn(patient.field("identifier"));
        Element name = patient.field("name").first();
        // nl-core: family holds the whole family name, prefixes included; _family only splits it up
        Optional<String> family = name.field("family").requiredText();
        String given = givenNames(name);
        Optional<LocalDate> birthDate = FhirDate.read(patient.field("birthDate"));
        if (patient.faults().count() > faultsBefore) {
            return Optional.empty();
        }
        return Optional.of(new YouthIdentity(bsn.orElse(null), given, family.orElseThrow(), birthDate.orElse(null)));
    }

    /** The BSN among the identifiers; every BSN identifier must pass the elfproef. */
    private static Optional<Bsn> bsn(Element identifiers) {
        Optional<Bsn> found = Optional.empty();
        for (Element identifier : identifiers.items()) {
            if (!identifier.field("system").text().filter(BSN_SYSTEM::equals).isPresent()) {
                continue;
            }
            Element value = identifier.field("value");
            Optional<String> digits = value.requiredText();
            if (digits.isPresent() && !Bsn.isValid(digits.get())) {
                // the value itself is personal data: the fault names the element only
                value.fault("is not a valid BSN: nine digits that pass the elfproef");
            } else if (digits.isPresent() && found.isEmpty()) {
                found = Optional.of(Bsn.of(digits.get()));
            }
        }
        return found;
    }

    /**
     * The given names joined with a space. Names the partner marks as initials (the
     * {@code IN} qualifier on {@code _given}) are left out when a full name is there too:
     * nl-core sends "Alex" and "A." for one person.
     */
    private static String givenNames(Element name) {
        List<Element> given = name.field("given").items();
        List<Element> givenExtensions = name.field("_given").items();
        List<String> names = new ArrayList<>();
        List<String> initials = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            Optional<String> text = given.get(i).text();
            boolean isInitials = i < givenExtensions.size() && isInitials(givenExtensions.get(i));
            text.ifPresent(isInitials ? initials::add : names::add);
        }
        return String.join(" ", names.isEmpty() ? initials : names);
    }

    private static boolean isInitials(Element primitiveExtension) {
        return primitiveExtension.field("extension").items().stream().anyMatch(extension ->
                extension.field("url").text().filter(NAME_QUALIFIER::equals).isPresent()
                        && extension.field("valueCode").text().filter(INITIALS::equals).isPresent());
    }
}
