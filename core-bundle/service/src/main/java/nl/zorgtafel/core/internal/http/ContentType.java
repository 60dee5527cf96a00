package nl.zorgtafel.core.internal.http;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;

/** A {@code Content-Type} header: the media type in lower case, and its charset if given. */
record ContentType(String mediaType, Optional<Charset> charset) {

    /** The content type, or {@code null} when there is none; an unknown charset is a 415. */
    static ContentType parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String[] parts = header.split(";");
        String mediaType = parts[0].strip().toLowerCase(Locale.ROOT);
        Optional<Charset> charset = Optional.empty();
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            int equals = parameter.indexOf('=');
            if (equals > 0 && parameter.substring(0, equals).strip().equalsIgnoreCase("charset")) {
                String name = parameter.substring(equals + 1).strip().replace("\"", "");
                try {
                    charset = Optional.of(Charset.forName(name));
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    throw ApiException.unsupportedMediaType("The charset is not supported.");
                }
            }
        }
        return new ContentType(mediaType, charset);
    }
}
