package dev.pulse.cdk.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.cdk.Synth;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every stack of dev and prod, synthesized by the tests' shared apps and normalized, equals its committed snapshot in
 * {@code src/test/resources/snapshots/<env>/}. {@code ./pulse synth --update-snapshots} (system property
 * {@code pulse.snapshots.update=true}) rewrites them instead.
 */
class TemplateSnapshotTest {
    static final Path ROOT = Path.of("src/test/resources/snapshots");
    private static final boolean UPDATE = Boolean.getBoolean("pulse.snapshots.update");

    static Stream<Synth> environments() {
        return Stream.of(Synth.dev(), Synth.prod());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void everyTemplate_equalsItsSnapshot(Synth app) {
        TemplateSnapshots snapshots = new TemplateSnapshots(ROOT, app.config().name());
        Map<String, Map<String, Object>> templates = app.json();
        if (UPDATE) {
            snapshots.write(templates);
            System.out.println("pulse: wrote " + templates.size() + " snapshots of "
                    + app.config().name());
        }
        assertThat(snapshots.stacks())
                .as("one snapshot per stack in " + ROOT.resolve(app.config().name())
                        + " (./pulse synth --update-snapshots writes them)")
                .containsExactlyInAnyOrderElementsOf(templates.keySet());
        List<String> differences = new ArrayList<>();
        templates.forEach((stack, template) -> TemplateSnapshots.compare(
                        stack, snapshots.read(stack).orElseThrow(), template)
                .ifPresent(differences::add));
        assertThat(differences).as(String.join("\n", differences)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void snapshots_holdNoAssetHashOrVersionHash(Synth app) {
        TemplateSnapshots snapshots = new TemplateSnapshots(ROOT, app.config().name());
        for (String stack : snapshots.stacks()) {
            String text = String.valueOf(snapshots.read(stack).orElseThrow());
            assertThat(text).as(stack).doesNotContainPattern("[0-9a-f]{64}");
            assertThat(text).as(stack).doesNotContainPattern("CurrentVersion[0-9A-F]{8}[0-9a-f]{32}");
        }
        // The code is a placeholder asset, so every function's code key is the normalized hash.
        Optional<Object> ingest = snapshots.read(app.config().stackName("Function-ingest"));
        assertThat(String.valueOf(ingest.orElseThrow())).contains("<asset-hash>.zip", "CurrentVersion<hash>");
    }
}
