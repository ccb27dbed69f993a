package dev.pulse.tools.firehose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FirehoseOptionsTest {
    @Test
    void givenAllFlags_whenParsed_thenEveryValueIsRead() {
        FirehoseOptions options = FirehoseOptions.parse(
                List.of(
                        "--source",
                        "file:/tmp/p.jsonl",
                        "--rate",
                        "5000",
                        "--duration",
                        "5m",
                        "--seed",
                        "9",
                        "--pages",
                        "1000",
                        "--poison-rate",
                        "0.01",
                        "--stream",
                        "s",
                        "--aggregate-bytes",
                        "1024"),
                "posts");

        assertThat(options)
                .isEqualTo(new FirehoseOptions(
                        "file:/tmp/p.jsonl",
                        5000,
                        Duration.ofMinutes(5),
                        9,
                        1000,
                        0.01,
                        "s",
                        1024,
                        DeadLetterFile.DEFAULT));
    }

    @Test
    void givenNoFlags_whenParsed_thenDefaultsToTheSimulatorOnTheDefaultStream() {
        FirehoseOptions options = FirehoseOptions.parse(List.of(), "posts-x");

        assertThat(options.source()).isEqualTo("sim");
        assertThat(options.stream()).isEqualTo("posts-x");
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.deadLetter()).isEqualTo(DeadLetterFile.DEFAULT);
    }

    @Test
    void givenDeadLetterFlag_whenParsed_thenThatFileIsUsed() {
        assertThat(FirehoseOptions.parse(List.of("--dead-letter", "/tmp/dl.jsonl"), "posts")
                        .deadLetter())
                .isEqualTo(java.nio.file.Path.of("/tmp/dl.jsonl"));
    }

    @Test
    void givenDurations_whenParsed_thenUnitsApply() {
        assertThat(FirehoseOptions.duration("90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(FirehoseOptions.duration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(FirehoseOptions.duration("forever")).isGreaterThan(Duration.ofDays(365));
    }

    @Test
    void givenBadInput_whenParsed_thenRejectedWithTheFlag() {
        assertThatThrownBy(() -> FirehoseOptions.parse(List.of("--source", "ftp:x"), "posts"))
                .hasMessageContaining("--source");
        assertThatThrownBy(() -> FirehoseOptions.parse(List.of("--rate"), "posts"))
                .hasMessageContaining("--rate");
        assertThatThrownBy(() -> FirehoseOptions.parse(List.of("--poison-rate", "2"), "posts"))
                .hasMessageContaining("--poison-rate");
    }

    @Test
    void givenValuesThatAreNoNumbers_whenParsed_thenTheFlagIsNamed() {
        assertThatThrownBy(() -> FirehoseOptions.parse(List.of("--rate", "abc"), "posts"))
                .hasMessage("--rate must be a number, was abc");
        assertThatThrownBy(() -> FirehoseOptions.parse(List.of("--poison-rate", "lots"), "posts"))
                .hasMessage("--poison-rate must be a number, was lots");
        assertThatThrownBy(() -> FirehoseOptions.parse(List.of("--duration", "xyz"), "posts"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--duration");
        assertThatThrownBy(() -> FirehoseOptions.parse(List.of("--duration", "0s"), "posts"))
                .hasMessageContaining("--duration must be positive");
    }
}
