package dev.pulse.cdk.code;

import dev.pulse.core.topology.FunctionSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awscdk.services.lambda.Code;

/** The shaded {@code *-lambda.jar} that {@code ./mvnw package} leaves in each function module's target folder. */
public final class JarCode implements CodeProvider {
    private final Path root;

    public JarCode(Path root) {
        this.root = root;
    }

    @Override
    public Code codeFor(FunctionSpec function) {
        return Code.fromAsset(jar(function).toString());
    }

    /** The single shaded jar of the function's module; fails naming the module and the command that builds it. */
    public Path jar(FunctionSpec function) {
        Path target = root.resolve(function.module()).resolve("target");
        List<Path> jars;
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            jars = files.filter(p -> p.getFileName().toString().endsWith("-lambda.jar"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (jars.size() != 1) {
            throw new IllegalStateException("expected one *-lambda.jar in " + target + " for function "
                    + function.name() + ", found " + jars.size() + ": run ./mvnw -DskipTests package first");
        }
        return jars.getFirst();
    }

    /** True when every function's jar has been built. */
    public boolean allBuilt(List<FunctionSpec> functions) {
        return functions.stream().allMatch(f -> {
            try {
                jar(f);
                return true;
            } catch (IllegalStateException e) {
                return false;
            }
        });
    }
}
