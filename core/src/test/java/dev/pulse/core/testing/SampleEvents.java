package dev.pulse.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates Lambda's sample events in the repository's {@code events/} folder. */
public final class SampleEvents {
    private SampleEvents() {}

    public static Path path(String name) {
        Path root = Path.of(System.getProperty("pulse.root", "."));
        Path file = root.resolve("events").resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("sample event not found: " + file.toAbsolutePath());
        }
        return file;
    }

    public static String pathString(String name) {
        return path(name).toAbsolutePath().toString();
    }
}
