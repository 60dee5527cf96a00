package nl.zorgtafel.performance.loaddriver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployableJarTest {

    @TempDir
    Path folder;

    @Test
    void theNextReleaseRaisesTheMicroVersionAndDropsTheBuildQualifier() {
        assertThat(DeployableJar.nextMicro("0.1.0.202611281546")).isEqualTo("0.1.1");
        assertThat(DeployableJar.nextMicro("2.3.9")).isEqualTo("2.3.10");
        assertThatIllegalArgumentException().isThrownBy(() -> DeployableJar.nextMicro("unknown"));
    }

    @Test
    void theCopyKeepsEveryEntryUnderTheNewVersionAndLeavesNoPartialFileBehind() throws IOException {
        Path shipped = folder.resolve("adapter.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", "nl.zorgtafel.partner.ggz");
        manifest.getMainAttributes().putValue("Bundle-Version", "0.1.0.202611281546");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(shipped), manifest)) {
            out.putNextEntry(new JarEntry("nl/zorgtafel/partner/ggz/Adapter.class"));
            out.write("not really a class".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        Path deploy = Files.createDirectories(folder.resolve("deploy"));
        Path scratch = folder.resolve("scratch");

        DeployableJar.writeWithVersion(shipped, "0.1.1", scratch, deploy.resolve("next.jar"));

        try (JarInputStream in = new JarInputStream(Files.newInputStream(deploy.resolve("next.jar")))) {
            assertThat(in.getManifest().getMainAttributes().getValue("Bundle-Version")).isEqualTo("0.1.1");
            assertThat(in.getManifest().getMainAttributes().getValue("Bundle-SymbolicName"))
                    .isEqualTo("nl.zorgtafel.partner.ggz");
            List<String> entries = new ArrayList<>();
            for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                entries.add(entry.getName() + "=" + new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            assertThat(entries).containsExactly("nl/zorgtafel/partner/ggz/Adapter.class=not really a class");
        }
        try (var left = Files.list(deploy)) {
            assertThat(left).containsExactly(deploy.resolve("next.jar"));
        }
        try (var left = Files.list(scratch)) {
            assertThat(left).isEmpty();
        }
    }
}
