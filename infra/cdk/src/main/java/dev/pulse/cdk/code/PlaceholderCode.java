package dev.pulse.cdk.code;

import dev.pulse.core.topology.FunctionSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awscdk.services.lambda.Code;

/**
 * A tiny stand-in package, for template tests and for {@code ./pulse synth} before the jars are built. It is never
 * deployed: {@code ./pulse deploy} always builds and uses the real jars.
 */
public final class PlaceholderCode implements CodeProvider {
    private final Path directory;

    public PlaceholderCode() {
        try {
            directory = Files.createTempDirectory("pulse-placeholder-code");
            Files.writeString(
                    directory.resolve("README.txt"),
                    "Placeholder package: run ./mvnw -DskipTests package to build the function jars.\n");
            directory.toFile().deleteOnExit();
            directory.resolve("README.txt").toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Code codeFor(FunctionSpec function) {
        return Code.fromAsset(directory.toString());
    }
}
