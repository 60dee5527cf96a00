package nl.zorgtafel.partner.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A sample message from an adapter module's sample folder, with the lines of the text file
 * beside it that says what must come of it.
 *
 * <pre>
 * samples/valid/&lt;name&gt;.&lt;ext&gt;      samples/valid/&lt;name&gt;.expected.txt   one canonical event per line
 * samples/invalid/&lt;name&gt;.&lt;ext&gt;    samples/invalid/&lt;name&gt;.faults.txt   substrings of fault locations
 * </pre>
 *
 * In both text files blank lines and lines starting with {@code #} are comments.
 *
 * @param file the sample's path, relative to the sample folder, for test names
 */
record Sample(String file, byte[] body, List<String> expectations) {

    static final String EXPECTED_SUFFIX = ".expected.txt";
    static final String FAULTS_SUFFIX = ".faults.txt";

    /** The valid samples, each with its expected events, sorted by name. */
    static List<Sample> valid(Path sampleFolder) {
        return load(sampleFolder, "valid", EXPECTED_SUFFIX);
    }

    /** The invalid samples, each with its expected fault locations, sorted by name. */
    static List<Sample> invalid(Path sampleFolder) {
        return load(sampleFolder, "invalid", FAULTS_SUFFIX);
    }

    private static List<Sample> load(Path sampleFolder, String kind, String sidecarSuffix) {
        Path folder = sampleFolder.resolve(kind);
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("no sample folder " + folder.toAbsolutePath());
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Sample> samples = files.filter(Files::isRegularFile)
                    .filter(Sample::isMessage)
                    .sorted()
                    .map(file -> read(kind, file, sidecarSuffix))
                    .toList();
            if (samples.isEmpty()) {
                throw new IllegalStateException("no samples in " + folder.toAbsolutePath());
            }
            return samples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isMessage(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && !name.endsWith(EXPECTED_SUFFIX) && !name.endsWith(FAULTS_SUFFIX);
    }

    private static Sample read(String kind, Path file, String sidecarSuffix) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        Path sidecar = file.resolveSibling(stem + sidecarSuffix);
        if (!Files.isRegularFile(sidecar)) {
            throw new IllegalStateException("sample " + kind + "/" + name + " has no " + stem + sidecarSuffix);
        }
        try {
            List<String> expectations = Files.readAllLines(sidecar, StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
            return new Sample(kind + "/" + name, Files.readAllBytes(file), expectations);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return file;
    }
}
