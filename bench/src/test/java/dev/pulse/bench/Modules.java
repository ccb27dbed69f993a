package dev.pulse.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The parent POM's modules and the Java packages of each one's production sources, read from the working tree. */
record Modules(Path root, Map<String, Set<String>> sourcePackages) {
    static final String TOPOLOGY = "core-topology";
    static final String CORE = "core";
    static final String CDK = "infra/cdk";
    static final String LOCAL = "local";
    static final String TOOLS = "tools";
    static final String BENCH = "bench";
    static final String FUNCTIONS = "functions/";

    private static final Pattern MODULE = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>");
    private static final Pattern PULSE_IMPORT =
            Pattern.compile("^import\\s+(?:static\\s+)?(dev\\.pulse\\.[\\w.]+)\\s*;", Pattern.MULTILINE);

    /** The repository root: Maven's multi-module directory, which Surefire passes as {@code pulse.root}. */
    static Path repositoryRoot() {
        String root = System.getProperty("pulse.root");
        if (root == null || root.isBlank()) {
            throw new IllegalStateException("pulse.root is not set: run through Maven (./pulse test)");
        }
        return Path.of(root);
    }

    /** Every module listed in {@code root/pom.xml} that has production sources, with their packages. */
    static Modules of(Path root) {
        Map<String, Set<String>> packages = new TreeMap<>();
        Matcher modules = MODULE.matcher(read(root.resolve("pom.xml")));
        while (modules.find()) {
            Path sources = root.resolve(modules.group(1)).resolve("src/main/java");
            Set<String> found = packagesUnder(sources);
            if (!found.isEmpty()) {
                packages.put(modules.group(1), found);
            }
        }
        return new Modules(root, packages);
    }

    /** The module's outermost package: the longest common prefix of its packages. */
    String rootPackage(String module) {
        Set<String> packages = sourcePackages.get(module);
        if (packages == null) {
            throw new IllegalStateException("module " + module + " has no sources under src/main/java");
        }
        List<String> sorted = List.copyOf(packages);
        String[] common = sorted.getFirst().split("\\.");
        int length = common.length;
        for (String each : sorted) {
            String[] parts = each.split("\\.");
            int same = 0;
            while (same < Math.min(length, parts.length) && parts[same].equals(common[same])) {
                same++;
            }
            length = same;
        }
        return String.join(".", List.of(common).subList(0, length));
    }

    /** Every module under {@code functions/} that has sources. */
    List<String> functionModules() {
        return sourcePackages.keySet().stream()
                .filter(module -> module.startsWith(FUNCTIONS))
                .toList();
    }

    /** The outermost package of every module under {@code functions/} that has sources. */
    Set<String> functionPackages() {
        return functionModules().stream().map(this::rootPackage).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Every Pulse name the module's production sources import. Bytecode misses some: the compiler inlines constants,
     * so a class that only reads another module's {@code static final String} shows no dependency on it.
     */
    Set<String> pulseImports(String module) {
        Path sources = root.resolve(module).resolve("src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            Set<String> imports = new TreeSet<>();
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                Matcher found = PULSE_IMPORT.matcher(read(file));
                while (found.find()) {
                    imports.add(found.group(1));
                }
            });
            return imports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> packagesUnder(Path sources) {
        if (!Files.isDirectory(sources)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .map(file -> sources.relativize(file.getParent()).toString().replace('/', '.'))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
