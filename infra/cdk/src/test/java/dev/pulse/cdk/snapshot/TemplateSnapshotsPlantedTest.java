package dev.pulse.cdk.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.cdk.Synth;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snapshot comparison fails on a planted change, says where in readable lines, and ignores only volatile values. */
class TemplateSnapshotsPlantedTest {
    @TempDir
    Path dir;

    private static final String STACK = "Pulse-dev-Function-ingest";

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Object value) {
        return (Map<String, Object>) copy(value);
    }

    private static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k.toString(), copy(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(
                    list.stream().map(TemplateSnapshotsPlantedTest::copy).toList());
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resources(Map<String, Object> template) {
        return (Map<String, Object>) template.get("Resources");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> template, String type) {
        return resources(template).values().stream()
                .map(r -> (Map<String, Object>) r)
                .filter(r -> type.equals(r.get("Type")))
                .map(r -> (Map<String, Object>) r.get("Properties"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void givenAPlantedChange_theComparisonFails_namingThePathAndBothValues() {
        Map<String, Object> synthesized = Synth.dev().json().get(STACK);
        Object snapshot = TemplateSnapshots.normalize(synthesized);
        Map<String, Object> planted = deepCopy(synthesized);
        Map<String, Object> function = properties(planted, "AWS::Lambda::Function");
        Object memory = function.get("MemorySize");
        function.put("MemorySize", 4096);
        resources(planted).put("PlantedQueue", Map.of("Type", "AWS::SQS::Queue"));

        Optional<String> message = TemplateSnapshots.compare(STACK, snapshot, planted);

        assertThat(message).isPresent();
        assertThat(message.get())
                .contains(STACK + " differs from its snapshot (2 changes)")
                .containsPattern("~ Resources\\.FningestFunction\\w+\\.Properties\\.MemorySize: snapshot " + memory
                        + ", synthesized 4096")
                .contains("+ Resources.PlantedQueue: {\"Type\":\"AWS::SQS::Queue\"} (new in the synthesized template)")
                .contains("./pulse synth --update-snapshots");
    }

    @Test
    void givenARemovedResource_theComparisonNamesIt() {
        Map<String, Object> synthesized = Synth.dev().json().get(STACK);
        Map<String, Object> planted = deepCopy(synthesized);
        String removed = resources(planted).keySet().iterator().next();
        resources(planted).remove(removed);

        assertThat(TemplateSnapshots.compare(STACK, TemplateSnapshots.normalize(synthesized), planted))
                .hasValueSatisfying(m -> assertThat(m).contains("- Resources." + removed, "(only in the snapshot)"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void givenOnlyANewAssetHash_theComparisonPasses() {
        Map<String, Object> synthesized = Synth.dev().json().get(STACK);
        Object snapshot = TemplateSnapshots.normalize(synthesized);
        String planted = TemplateSnapshots.normalize(synthesized).toString();
        Map<String, Object> rebuilt = deepCopy(synthesized);
        Map<String, Object> code = (Map<String, Object>)
                properties(rebuilt, "AWS::Lambda::Function").get("Code");
        code.put("S3Key", "f".repeat(64) + ".zip");

        assertThat(planted).contains("<asset-hash>.zip");
        assertThat(TemplateSnapshots.compare(STACK, snapshot, rebuilt)).isEmpty();
    }

    @Test
    void writtenSnapshots_readBackEqual_andStaleOnesAreRemoved() {
        TemplateSnapshots snapshots = new TemplateSnapshots(dir, "dev");
        Map<String, Object> synthesized = Synth.dev().json().get(STACK);
        snapshots.write(Map.of("Pulse-dev-Gone", Map.of("Resources", Map.of())));
        snapshots.write(Map.of(STACK, synthesized));

        assertThat(snapshots.stacks()).containsExactly(STACK);
        assertThat(TemplateSnapshots.compare(STACK, snapshots.read(STACK).orElseThrow(), synthesized))
                .isEmpty();
    }
}
