package dev.pulse.core.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The topology is the only place a name is declared: no Java string literal in the main sources of the other modules,
 * and no word of the shell scripts, may spell a resource, function, alias, index, template or environment-variable
 * name of the topology. Such a copy compiles and runs until someone renames the resource, and then it silently drifts.
 * The topology's own sources, every test and the docs are exempt.
 */
class TopologyNamesAreDeclaredOnceTest {
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    /** Whose Java main sources are scanned; a folder that is missing fails the test rather than being skipped. */
    private static final List<String> JAVA_MODULES = List.of("core", "infra/cdk", "local", "tools", "bench");

    /**
     * Literals and words that equal a topology name without referring to it, by file (relative to the root). Keep it
     * short, and say why for each.
     */
    private static final Map<String, Set<String>> NOT_A_REFERENCE = Map.of(
            // The benchmarks' --pages option (the corpus sizes to index), not the pages alias.
            "bench/src/main/java/dev/pulse/bench/mentions/MentionsBench.java",
            Set.of("pages"),
            "bench/src/main/java/dev/pulse/bench/web/WebBench.java",
            Set.of("pages"),
            // The reporting bench's --accounts/--pages/--posts corpus sizes, not the tables or the aliases.
            "bench/src/main/java/dev/pulse/bench/reporting/ReportingBench.java",
            Set.of("accounts", "pages", "posts"),
            // The operator's own AWS CLI region, the CDK CLI's fallback for the deploy region; no function reads it.
            "local/scripts/cdk.sh",
            Set.of("AWS_REGION"),
            // The posts mapping's field holding the ids of the pages a post mentions, not the mentions function.
            "functions/reporting/src/main/java/dev/pulse/reporting/adapter/opensearch/OpenSearchPostAnalytics.java",
            Set.of("mentions"));

    /** Every name the topology declares. */
    static Set<String> declaredNames() {
        Topology topology = PulseTopology.define();
        Set<String> names = new TreeSet<>();
        topology.streams().forEach(s -> names.add(s.name()));
        topology.tables().forEach(t -> names.add(t.name()));
        topology.queues().forEach(q -> names.add(q.name()));
        topology.aliases().forEach(a -> names.addAll(List.of(a.alias(), a.index())));
        topology.indexTemplates().forEach(t -> names.addAll(List.of(t.name(), t.pattern())));
        topology.schedules().forEach(s -> names.add(s.name()));
        for (FunctionSpec function : topology.functions()) {
            names.add(function.name());
            function.access().forEach(a -> names.addAll(List.of(a.resource(), a.environmentVariable())));
            names.addAll(function.environment().keySet());
        }
        names.add(Observability.METRICS_NAMESPACE);
        names.addAll(variableNames());
        return names;
    }

    /** The names in {@link Variables}: its constants that look like a variable (values such as "local" do not). */
    static Set<String> variableNames() {
        Set<String> names = new TreeSet<>();
        for (Class<?> group : Variables.class.getDeclaredClasses()) {
            for (Field field : group.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) && field.getType() == String.class) {
                    try {
                        String value = (String) field.get(null);
                        if (value.matches("[A-Z_][A-Z0-9_]*")) {
                            names.add(value);
                        }
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return names;
    }

    @Test
    void noMainSourceOrScript_spellsATopologyName() {
        Set<String> names = declaredNames();
        List<Path> javaFiles = javaSources();
        List<Path> scripts = scripts();
        List<String> violations = new ArrayList<>();
        for (Path file : javaFiles) {
            String relative = ROOT.relativize(file).toString().replace('\\', '/');
            Set<String> allowed = NOT_A_REFERENCE.getOrDefault(relative, Set.of());
            for (SourceTokens.Token literal : SourceTokens.javaStringLiterals(read(file))) {
                if (names.contains(literal.text()) && !allowed.contains(literal.text())) {
                    violations.add(relative + ":" + literal.line() + ": \"" + literal.text() + "\"");
                }
            }
        }
        for (Path script : scripts) {
            String relative = ROOT.relativize(script).toString().replace('\\', '/');
            Set<String> allowed = NOT_A_REFERENCE.getOrDefault(relative, Set.of());
            for (SourceTokens.Token word : SourceTokens.shellWords(read(script))) {
                if (names.contains(word.text()) && !allowed.contains(word.text())) {
                    violations.add(relative + ":" + word.line() + ": " + word.text());
                }
            }
        }

        assertThat(javaFiles).as("Java main sources scanned").hasSizeGreaterThan(100);
        assertThat(scripts).as("shell scripts scanned").hasSizeGreaterThan(5);
        assertThat(violations)
                .as("topology names written again as literals (use PulseTopology's or Variables' constants, or the"
                        + " topology itself)")
                .isEmpty();
    }

    @Test
    void theNamesInclude_resourcesFunctionsIndicesGrantVariablesAndVariables() {
        assertThat(declaredNames())
                .contains(
                        "posts",
                        "tracked-pages",
                        "ingest-quarantine",
                        "pages",
                        "pages-v2",
                        "posts-*",
                        "mentions-cache",
                        "ingest",
                        "mentions",
                        "PULSE_CACHE_MENTIONS_CACHE",
                        "PULSE_PROFILE",
                        "AWS_REGION",
                        "POWERTOOLS_SERVICE_NAME",
                        "PULSE_INGEST_MAX_POST_BYTES",
                        "Pulse")
                .doesNotContain("local", "aws");
    }

    @Test
    void aPlantedLiteral_isFoundWithItsLine_butNotInCommentsTextBlocksOrLongerStrings() {
        String java = """
                class X {
                    // "posts" in a comment
                    /* "pages" */ String a = "ingest: " + '"' + 'x';
                    String b = "say \\"hi\\"", c = "posts";
                    String d = \"""
                        posts
                        \""";
                }
                """;

        assertThat(SourceTokens.javaStringLiterals(java))
                .extracting(SourceTokens.Token::text)
                .containsExactly("ingest: ", "say \\\"hi\\\"", "posts");
        assertThat(SourceTokens.javaStringLiterals(java).getLast().line()).isEqualTo(4);
    }

    @Test
    void aShellWord_isFoundInCodeAndAssignments_butNotInCommentsProseOrHereDocuments() {
        String shell = """
                # posts in a comment
                say "tracking popular pages"
                export POWERTOOLS_SERVICE_NAME="${X:-y}"
                firehose --stream posts | tail -n 1 # ingest
                echo "${PULSE_SEARCH_PAGES:-}" >/dev/null
                cat <<TXT
                  mentions   curl
                TXT
                run 'mentions'
                """;

        List<SourceTokens.Token> words = SourceTokens.shellWords(shell);

        assertThat(words)
                .extracting(SourceTokens.Token::text)
                .contains("POWERTOOLS_SERVICE_NAME", "posts", "PULSE_SEARCH_PAGES", "mentions")
                .doesNotContain("pages", "ingest");
        assertThat(words)
                .filteredOn(w -> w.text().equals("mentions"))
                .extracting(SourceTokens.Token::line)
                .containsExactly(9);
    }

    private static List<Path> javaSources() {
        List<Path> roots = new ArrayList<>();
        JAVA_MODULES.forEach(m -> roots.add(ROOT.resolve(m).resolve("src/main/java")));
        try (Stream<Path> functions = Files.list(ROOT.resolve("functions"))) {
            functions
                    .map(f -> f.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .forEach(roots::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            assertThat(root).as("scanned source folder").isDirectory();
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private static List<Path> scripts() {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("pulse"));
        try (Stream<Path> list = Files.list(ROOT.resolve("local/scripts"))) {
            list.filter(p -> p.toString().endsWith(".sh")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.forEach(f -> assertThat(f).as("scanned script").isRegularFile());
        return files;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
