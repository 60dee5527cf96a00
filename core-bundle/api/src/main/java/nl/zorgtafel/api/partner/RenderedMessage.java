package nl.zorgtafel.api.partner;

import java.util.Objects;

/**
 * A notification in a partner's own format, ready for the core to deliver.
 *
 * @param target where it goes, relative to the partner's configured destination: a path
 *     suffix for HTTP partners ({@code /Communication}), or a file name for file partners
 *     ({@code notificatie_<id>.csv}); empty for the destination itself
 */
public record RenderedMessage(String mediaType, byte[] body, String target) {

    public RenderedMessage {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(body, "body");
        target = target == null ? "" : target;
    }

    @Override
    public String toString() {
        return "RenderedMessage[mediaType=" + mediaType + ", target=" + target + ", bytes=" + body.length + "]";
    }
}
