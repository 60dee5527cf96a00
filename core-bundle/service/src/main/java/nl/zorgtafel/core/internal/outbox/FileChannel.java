package nl.zorgtafel.core.internal.outbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import nl.zorgtafel.api.partner.RenderedMessage;
import nl.zorgtafel.core.internal.partners.PartnerSettings;

/**
 * Writes a rendered message as a file in the partner's {@code outboundDirectory},
 * atomically: written under a temporary name, then renamed, so the partner never reads a
 * half-written file. A message the adapter gave no name is named after its key
 * ({@code notificatie_<key>}), so a notification's messages never share a file. The same
 * notification written again replaces its own files.
 */
final class FileChannel implements Channel {

    @Override
    public void send(PartnerSettings partner, RenderedMessage message, String key)
            throws DeliveryException {
        String name = message.target().isEmpty() ? "notificatie_" + key : message.target();
        if (name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new DeliveryException("the adapter named an unsafe file");
        }
        try {
            Path directory = Files.createDirectories(Path.of(partner.outboundDirectory()));
            Path temporary = directory.resolve("." + name + ".tmp");
            Files.write(temporary, message.body());
            Files.move(temporary, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new DeliveryException(e.getClass().getSimpleName() + " writing to the outbound directory");
        }
    }
}
