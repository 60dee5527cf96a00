package nl.zorgtafel.partner.ggz.internal;

import java.util.regex.Pattern;

/** The FHIR {@code id} rule: what may serve as a message id or in a reference. */
final class FhirId {

    static final String EXPECTED = "must be a FHIR id: 1 to 64 letters, digits, '-' or '.'";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private FhirId() {
    }

    static boolean isValid(String id) {
        return ID.matcher(id).matches();
    }
}
