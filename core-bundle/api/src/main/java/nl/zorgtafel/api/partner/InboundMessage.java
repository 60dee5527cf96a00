package nl.zorgtafel.api.partner;

import java.nio.charset.Charset;
import java.util.Objects;

/**
 * A raw message as a partner sent it: its bytes and how to read them.
 *
 * @param mediaType the media type without parameters, in lower case
 * @param charset the charset the partner declared, or the format's default
 */
public record InboundMessage(String partnerId, String mediaType, Charset charset, byte[] body) {

    public InboundMessage {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(body, "body");
    }

    /** The body decoded with {@link #charset()}. */
    public String text() {
        return new String(body, charset);
    }

    @Override
    public String toString() {
        return "InboundMessage[partner=" + partnerId + ", mediaType=" + mediaType + ", bytes=" + body.length + "]";
    }
}
