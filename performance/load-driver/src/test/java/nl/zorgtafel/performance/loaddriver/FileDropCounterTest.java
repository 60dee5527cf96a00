package nl.zorgtafel.performance.loaddriver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDropCounterTest {

    @TempDir
    Path directory;

    @Test
    void counts_files_and_the_ones_written_again() throws Exception {
        try (FileDropCounter counter = new FileDropCounter(directory.resolve("mee"), "notificatie_")) {
            drop(counter.directory(), "notificatie_a.csv");
            drop(counter.directory(), "notificatie_b.csv");
            drop(counter.directory(), "notificatie_a.csv");
            Files.writeString(counter.directory().resolve("readme.txt"), "not a notification");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(counter.counts()).isEqualTo(new FileDropCounter.Counts(2, 3, 1)));
        }
    }

    /** As the platform writes them: a temporary file, renamed onto the final name. */
    private static void drop(Path folder, String name) throws Exception {
        Path temporary = folder.resolve("." + name + ".tmp");
        Files.writeString(temporary, "notificatie_id;soort\n1;match\n");
        Files.move(temporary, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }
}
