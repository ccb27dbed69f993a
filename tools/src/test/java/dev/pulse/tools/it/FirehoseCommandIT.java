package dev.pulse.tools.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.tools.firehose.DeadLetterFile;
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
            FirehoseOptions options = replay(file, platform);

            assertThat(run(platform, options, new ByteArrayOutputStream())).isEqualTo(250);
        }
    }

    @Test
    void givenFileWithInvalidUtf8AndAnOversizeLine_whenReplayed_thenNothingStopsItAndNothingIsLost(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("hostile.jsonl");
        Path deadLetter = dir.resolve("dead-letter.jsonl");
        byte[] valid = "{\"id\":\"1_1\",\"from\":{\"id\":\"1\",\"name\":\"n\"}}".getBytes(StandardCharsets.UTF_8);
        byte[] invalidUtf8 = {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};
        byte[] oversize = new byte[KinesisPublisher.MAX_RECORD_BYTES + 10];
        java.util.Arrays.fill(oversize, (byte) 'x');
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] line : List.of(valid, invalidUtf8, oversize, valid)) {
            content.writeBytes(line);
            content.write('\n');
        }
        Files.write(file, content.toByteArray());
        try (ItPlatform platform = new ItPlatform(1)) {
            FirehoseOptions options = replay(file, platform, "--dead-letter", deadLetter.toString());
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            long published;
            try (PostSource source = FirehoseCommand.source(options);
                    KinesisPublisher publisher = new KinesisPublisher(
                            platform.kinesis, platform.stream, 64 * 1024, 64, new DeadLetterFile(deadLetter))) {
                published = FirehoseCommand.run(source, publisher, options, new PrintStream(output, true));
                assertThat(publisher.stats().sent()).isEqualTo(3);
                assertThat(publisher.stats().deadLettered()).isEqualTo(1);
            }

            assertThat(published).as("every line read").isEqualTo(4);
            assertThat(FirehoseThrottlingIT.readAll(platform))
                    .as("the invalid UTF-8 line arrives as its bytes, for ingest to quarantine")
                    .containsOnly(
                            java.util.Map.entry(FirehoseThrottlingIT.fingerprint(valid), 2),
                            java.util.Map.entry(FirehoseThrottlingIT.fingerprint(invalidUtf8), 1));
            String entry = Files.readString(deadLetter);
            assertThat(entry).contains("over the Kinesis record limit");
            assertThat(java.util.Base64.getDecoder()
                            .decode(dev.pulse.core.json.Json.mapper()
                                    .readTree(entry)
                                    .path("data")
                                    .asText()))
                    .isEqualTo(oversize);
            assertThat(output.toString(StandardCharsets.UTF_8))
                    .contains("dead_lettered=1")
                    .contains("1 record over the Kinesis record limit written, with the reason, to " + deadLetter);
        }
    }

    /** Options replaying {@code file} as fast as the stream takes it, plus {@code extra} flags. */
    private static FirehoseOptions replay(Path file, ItPlatform platform, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--source", "file:" + file, "--rate", "100000", "--duration", "1m", "--stream", platform.stream));
        args.addAll(List.of(extra));
        return FirehoseOptions.parse(args, "x");
    }

    private static long run(ItPlatform platform, FirehoseOptions options, ByteArrayOutputStream output)
            throws Exception {
        try (PostSource source = FirehoseCommand.source(options);
                KinesisPublisher publisher = new KinesisPublisher(
                        platform.kinesis,
                        platform.stream,
                        64 * 1024,
                        64,
                        new DeadLetterFile(Path.of("target", "dl.jsonl")))) {
            long published = FirehoseCommand.run(source, publisher, options, new PrintStream(output, true));
            assertThat(publisher.stats().sent()).isEqualTo(published);
            return published;
        }
    }
}
