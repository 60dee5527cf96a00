package nl.zorgtafel.core.internal.security;

import java.util.Map;
import org.apache.karaf.jaas.modules.Encryption;
import org.apache.karaf.jaas.modules.EncryptionService;
import org.osgi.service.component.annotations.Component;

/**
 * Offers {@link Pbkdf2Encryption} to Karaf's JAAS modules under the name
 * {@value #NAME}, which the {@code zorgtafel} realm asks for ({@code encryption.name}).
 */
@Component(service = EncryptionService.class, property = "name=" + Pbkdf2EncryptionService.NAME)
public final class Pbkdf2EncryptionService implements EncryptionService {

    public static final String NAME = "zorgtafel-pbkdf2";

    @Override
    public Encryption createEncryption(Map<String, String> params) {
        return new Pbkdf2Encryption();
    }
}
