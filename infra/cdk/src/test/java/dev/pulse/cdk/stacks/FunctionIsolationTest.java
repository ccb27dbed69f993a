package dev.pulse.cdk.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.cdk.Synth;
import dev.pulse.cdk.code.PlaceholderCode;
import dev.pulse.core.topology.PulseTopology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.services.lambda.Code;

/**
 * One team's deploy must not redeploy another team's function: a change to one function's code changes that function's
 * stack template and no other template of the app, byte for byte.
 */
class FunctionIsolationTest {
    private static final String CHANGED = PulseTopology.MENTIONS_FUNCTION;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Map<String, Map<String, Object>> before;
    private static Map<String, Map<String, Object>> after;

    @BeforeAll
    static void synthTwice() throws IOException {
        Path changed = Files.createTempDirectory("pulse-changed-code");
        Files.writeString(changed.resolve("Handler.class"), "a new build of " + CHANGED + "\n");
        PlaceholderCode placeholder = new PlaceholderCode();
        before = Synth.dev().json();
        after = Synth.devWithCode(spec -> spec.name().equals(CHANGED)
                        ? Code.fromAsset(changed.toString())
                        : placeholder.codeFor(spec))
                .json();
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
        String changedStack = Synth.dev().config().stackName(FunctionStack.part(CHANGED));
        assertThat(after.keySet()).containsExactlyElementsOf(before.keySet()).contains(changedStack);
        for (String stack : before.keySet()) {
            if (stack.equals(changedStack)) {
                assertThat(text(after.get(stack))).as(stack).isNotEqualTo(text(before.get(stack)));
            } else {
                assertThat(text(after.get(stack))).as(stack).isEqualTo(text(before.get(stack)));
            }
        }
    }

    @Test
    void theChangedTemplate_pointsAtTheNewAssetAndPublishesANewVersion() {
        String stack = Synth.dev().config().stackName(FunctionStack.part(CHANGED));
        String old = text(before.get(stack));
        String now = text(after.get(stack));
        // The function's code key is the asset's content hash, and the published version's logical ID hashes it too.
        assertThat(versionIds(now)).hasSize(1).doesNotContainAnyElementsOf(versionIds(old));
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
