package dev.pulse.cdk.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.core.topology.PulseTopology;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarCodeTest {
    @TempDir
    Path root;

    @Test
    void givenTheShadedJar_itIsTheFunctionsPackage() throws Exception {
        var ingest = PulseTopology.define().requireFunction("ingest");
        Path target = Files.createDirectories(root.resolve("functions/ingest/target"));
        Files.writeString(target.resolve("pulse-ingest-1.0.0-SNAPSHOT.jar"), "thin");
        Path jar = Files.writeString(target.resolve("pulse-ingest-1.0.0-SNAPSHOT-lambda.jar"), "shaded");
        assertThat(new JarCode(root).jar(ingest)).isEqualTo(jar);
    }

    @Test
    void givenNoBuild_theErrorNamesTheFunctionAndTheBuildCommand() {
        var mentions = PulseTopology.define().requireFunction("mentions");
        assertThatThrownBy(() -> new JarCode(root).jar(mentions))
                .hasMessageContaining("mentions")
                .hasMessageContaining("./mvnw -DskipTests package");
        assertThat(new JarCode(root).allBuilt(PulseTopology.define().functions()))
                .isFalse();
    }
}
