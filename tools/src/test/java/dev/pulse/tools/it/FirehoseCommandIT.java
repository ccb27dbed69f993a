package dev.pulse.tools.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.tools.firehose.FirehoseCommand;
import dev.pulse.tools.firehose.FirehoseOptions;
import dev.pulse.tools.firehose.KinesisPublisher;
import dev.pulse.tools.firehose.PostSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirehoseCommandIT {
    @Test
    void givenSimulator_whenRunForTwoSeconds_thenTheRateCapsWhatIsSentAndProgressIsPrinted() throws Exception {
        try (ItPlatform platform = new ItPlatform(1)) {
            FirehoseOptions options = FirehoseOptions.parse(
                    List.of("--rate", "500", "--duration", "2s", "--pages", "100", "--stream", platform.stream), "x");
            ByteArrayOutputStream output = new ByteArrayOutputStream();

            long published = run(platform, options, output);

            // the limiter never lets more out than rate x duration; how many fewer depends on the machine
            assertThat(published).isPositive().isLessThanOrEqualTo(1_001L);
            assertThat(output.toString(StandardCharsets.UTF_8))
                    .contains("sent=" + String.format("%,d", published))
                    .contains("backlog=0")
                    .contains("done");
        }
    }

    @Test
    void givenJsonLinesFile_whenReplayed_thenEveryLineIsSentAndTheRunEnds(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("posts.jsonl");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            lines.add("{\"id\":\"" + (i % 7) + "_" + i + "\",\"from\":{\"id\":\"" + (i % 7) + "\",\"name\":\"n\"}}");
        }
        lines.add("");
        Files.write(file, lines);
        try (ItPlatform platform = new ItPlatform(1)) {
            FirehoseOptions options = FirehoseOptions.parse(
                    List.of(
                            "--source",
                            "file:" + file,
                            "--rate",
                            "100000",
                            "--duration",
                            "1m",
                            "--stream",
                            platform.stream),
                    "x");

            assertThat(run(platform, options, new ByteArrayOutputStream())).isEqualTo(250);
        }
    }

    private static long run(ItPlatform platform, FirehoseOptions options, ByteArrayOutputStream output)
            throws Exception {
        try (PostSource source = FirehoseCommand.source(options);
                KinesisPublisher publisher = new KinesisPublisher(platform.kinesis, platform.stream, 64 * 1024, 64)) {
            long published = FirehoseCommand.run(source, publisher, options, new PrintStream(output, true));
            assertThat(publisher.stats().sent()).isEqualTo(published);
            return published;
        }
    }
}
