package dev.pulse.cdk.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.cdk.PulsePlatform;
import dev.pulse.cdk.Synth;
import dev.pulse.cdk.code.CodeProvider;
import dev.pulse.cdk.code.PlaceholderCode;
import dev.pulse.core.topology.PulseTopology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnOutputProps;
import software.amazon.awscdk.services.lambda.Code;

/**
 * One team's deploy must not redeploy another team's function: a change to one function's code changes that function's
 * stack template and no other template of the app, byte for byte. A planted cross-stack reference to the function's
 * published version shows the check catches a coupling.
 */
class FunctionIsolationTest {
    private static final String CHANGED = PulseTopology.MENTIONS_FUNCTION;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PlaceholderCode PLACEHOLDER = new PlaceholderCode();
    private static CodeProvider newCode;
    private static Map<String, Map<String, Object>> before;
    private static Map<String, Map<String, Object>> after;

    @BeforeAll
    static void synthTwice() throws IOException {
        Path changed = Files.createTempDirectory("pulse-changed-code");
        Files.writeString(changed.resolve("Handler.class"), "a new build of " + CHANGED + "\n");
        newCode = spec -> spec.name().equals(CHANGED) ? Code.fromAsset(changed.toString()) : PLACEHOLDER.codeFor(spec);
        before = Synth.dev().json();
        after = Synth.devWithCode(newCode).json();
    }

    private static String stackOf(String function) {
        return Synth.dev().config().stackName(FunctionStack.part(function));
    }

    /** The stacks whose template differs, byte for byte, between two synths of the same app. */
    static Set<String> changedStacks(Map<String, Map<String, Object>> before, Map<String, Map<String, Object>> after) {
        assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
        Set<String> changed = new TreeSet<>();
        before.forEach((stack, template) -> {
            if (!text(template).equals(text(after.get(stack)))) {
                changed.add(stack);
            }
        });
        return changed;
    }

    private static String text(Map<String, Object> template) {
        try {
            return JSON.writeValueAsString(template);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void givenNewCodeForOneFunction_onlyItsStackTemplateChanges() {
        assertThat(before).containsKey(stackOf(CHANGED));
        assertThat(changedStacks(before, after)).containsExactly(stackOf(CHANGED));
    }

    @Test
    void theChangedTemplate_pointsAtTheNewAssetAndPublishesANewVersion() {
        String old = text(before.get(stackOf(CHANGED)));
        String now = text(after.get(stackOf(CHANGED)));
        // The function's code key is the asset's content hash, and the published version's logical ID hashes it too.
        assertThat(versionIds(now)).hasSize(1).doesNotContainAnyElementsOf(versionIds(old));
    }

    @Test
    void givenAPlantedReferenceToTheFunctionsVersion_fromTheApiStack_theCheckNamesTheApiStackToo() {
        // The violation this boundary exists to prevent: another stack that reads the version, not the alias.
        Consumer<PulsePlatform> plant = platform -> new CfnOutput(
                platform.api(),
                "PlantedVersion",
                CfnOutputProps.builder()
                        .value(platform.functions()
                                .function(CHANGED)
                                .function()
                                .getCurrentVersion()
                                .getVersion())
                        .build());
        Map<String, Map<String, Object>> plantedBefore =
                Synth.devWith(PLACEHOLDER, plant).json();
        Map<String, Map<String, Object>> plantedAfter =
                Synth.devWith(newCode, plant).json();

        assertThat(changedStacks(plantedBefore, plantedAfter))
                .contains(stackOf(CHANGED))
                .contains(Synth.dev().config().stackName("Api"));
    }

    private static Set<String> versionIds(String template) {
        Set<String> ids = new TreeSet<>();
        Matcher m = Pattern.compile("\"(\\w+CurrentVersion\\w+)\":\\{\"Type\":\"AWS::Lambda::Version\"")
                .matcher(template);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }
}
