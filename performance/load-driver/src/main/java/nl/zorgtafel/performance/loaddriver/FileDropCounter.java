package nl.zorgtafel.performance.loaddriver;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A file partner's side (MEE): counts the notification files the platform writes into its
 * {@code outboundDirectory}. The files present at the end are the unique notifications; a
 * notification written again replaces its own file, so repeats are counted from the
 * directory's events (a file appearing under a name seen before). If the event queue
 * overflowed, repeats are unknown and reported as such.
 */
final class FileDropCounter implements AutoCloseable {

    private final Path directory;
    private final String prefix;
    private final WatchService watcher;
    private final Map<String, AtomicInteger> appearances = new ConcurrentHashMap<>();
    private final java.util.Set<String> baseline = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean overflowed = new AtomicBoolean();
    private final ExecutorService executor;

    /** What the directory holds. {@code duplicates} is -1 when the events overflowed. */
    record Counts(long unique, long appearances, long duplicates) {
    }

    FileDropCounter(Path directory, String prefix) throws IOException {
        this.directory = Files.createDirectories(directory);
        this.prefix = prefix;
        this.watcher = FileSystems.getDefault().newWatchService();
        directory.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "file-drop-counter");
            thread.setDaemon(true);
            return thread;
        });
        executor.execute(this::watch);
    }

    Path directory() {
        return directory;
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                        overflowed.set(true);
                        continue;
                    }
                    // a rename onto the final name shows as a creation; the temporary file is ignored
                    if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                        String name = event.context().toString();
                        if (counts(name)) {
                            appearances.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                }
                if (!key.reset()) {
                    return;
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean counts(String name) {
        return name.startsWith(prefix) && !name.startsWith(".");
    }

    /** Forgets what was written so far (after a warm-up): those files no longer count. */
    void reset() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            files.map(file -> file.getFileName().toString()).filter(this::counts).forEach(baseline::add);
        }
        appearances.clear();
    }

    Counts counts() throws IOException {
        long unique;
        try (Stream<Path> files = Files.list(directory)) {
            unique = files.map(file -> file.getFileName().toString())
                    .filter(name -> counts(name) && !baseline.contains(name)).count();
        }
        long seen = appearances.values().stream().mapToLong(AtomicInteger::get).sum();
        long duplicates = overflowed.get() ? -1 : appearances.values().stream()
                .mapToLong(count -> Math.max(0, count.get() - 1)).sum();
        return new Counts(unique, seen, duplicates);
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        executor.shutdownNow();
    }
}
