package nl.zorgtafel.performance.loaddriver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** An adapter's jar as a new release: the same classes under a higher {@code Bundle-Version}. */
final class DeployableJar {

    private DeployableJar() {
    }

    /** {@code 0.1.0.202611281546} gives {@code 0.1.1}: a higher version than any build of 0.1.0. */
    static String nextMicro(String version) {
        String[] parts = version.split("\\.", 4);
        if (parts.length < 3) {
            throw new IllegalArgumentException("not a bundle version: " + version);
        }
        return parts[0] + "." + parts[1] + "." + (Long.parseLong(parts[2]) + 1);
    }

    /**
     * Writes the jar with the version into {@code target}, whole: into {@code scratch} (a
     * folder on the same disk, outside {@code deploy/}) first, then moved, so that Karaf's
     * file install never reads half a jar.
     */
    static void writeWithVersion(Path jar, String version, Path scratch, Path target) throws IOException {
        Files.createDirectories(scratch);
        Path partial = Files.createTempFile(scratch, "deploy-", ".jar");
        try (InputStream file = Files.newInputStream(jar); JarInputStream in = new JarInputStream(file)) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().putValue("Bundle-Version", version);
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(partial), manifest)) {
                for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
