package nl.zorgtafel.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentTypeTest {

    @Test
    void theCharsetParameterIsRead() {
        ContentType type = ContentType.parse("text/csv; charset=ISO-8859-1");

        assertThat(type.mediaType()).isEqualTo("text/csv");
        assertThat(type.charset()).contains(StandardCharsets.ISO_8859_1);
    }

    @Test
    void theMediaTypeComesInLowerCase() {
        assertThat(ContentType.parse("Application/FHIR+JSON").mediaType()).isEqualTo("application/fhir+json");
    }

    @Test
    void theParameterNameIsCaseInsensitiveAndItsValueMayBeQuoted() {
        assertThat(ContentType.parse("application/json;CHARSET=\"utf-8\"").charset())
                .contains(StandardCharsets.UTF_8);
    }

    @Test
    void otherParametersAreIgnored() {
        ContentType type = ContentType.parse("application/fhir+json; fhirVersion=4.0; charset=utf-8");

        assertThat(type.mediaType()).isEqualTo("application/fhir+json");
        assertThat(type.charset()).contains(StandardCharsets.UTF_8);
    }

    @Test
    void withoutCharsetThereIsNone() {
        assertThat(ContentType.parse("application/xml").charset()).isEmpty();
    }

    @Test
    void noHeaderIsNoContentType() {
        assertThat(ContentType.parse(null)).isNull();
        assertThat(ContentType.parse("  ")).isNull();
    }

    @Test
    void anUnknownCharsetIsAnUnsupportedMediaType() {
        assertThatThrownBy(() -> ContentType.parse("text/csv; charset=klingon-8"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(415));
    }

    @Test
    void anIllegalCharsetNameIsAnUnsupportedMediaType() {
        assertThatThrownBy(() -> ContentType.parse("text/csv; charset=@@"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(415));
    }
}
