package dev.pulse.tools.firehose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.ingest.domain.kpl.UserRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineReaderTest {
    private static final byte[] INVALID_UTF8 = {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'};

    @Test
    void givenLinesWithCrLfAndNoFinalNewline_whenRead_thenEachLineComesBackWithoutItsEnd() throws Exception {
        List<String> lines = read(bytes("a\r\nb\n\nc"), 100);

        assertThat(lines).containsExactly("a", "b", "", "c");
    }

    @Test
    void givenInvalidUtf8Line_whenRead_thenItsBytesAreForwardedUnchanged() throws Exception {
        ByteArrayOutputStream feed = new ByteArrayOutputStream();
        feed.writeBytes(bytes("{\"id\":\"1_1\"}\n"));
        feed.writeBytes(INVALID_UTF8);
        feed.writeBytes(bytes("\n{\"id\":\"2_1\"}\n"));

        try (LineReader reader = new LineReader(new ByteArrayInputStream(feed.toByteArray()))) {
            assertThat(reader.next()).isEqualTo(bytes("{\"id\":\"1_1\"}"));
            assertThat(reader.next()).isEqualTo(INVALID_UTF8);
            assertThat(reader.next()).isEqualTo(bytes("{\"id\":\"2_1\"}"));
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void givenLineOverTheCap_whenRead_thenItsHeadIsKeptAndTheNextLineIsIntact() throws Exception {
        List<String> lines = read(bytes("0123456789\nnext\n"), 4);

        assertThat(lines).containsExactly("0123", "next");
    }

    @Test
    void givenBlankLines_whenChecked_thenOnlyWhitespaceIsBlank() {
        assertThat(LineReader.blank(bytes(""))).isTrue();
        assertThat(LineReader.blank(bytes(" \t\r"))).isTrue();
        assertThat(LineReader.blank(bytes(" x"))).isFalse();
        assertThat(LineReader.blank(new byte[] {(byte) 0xA0})).isFalse();
    }

    @Test
    void givenFileWithAHostileLine_whenReplayed_thenEveryLineIsForwardedAsItsBytes(@TempDir Path dir) throws Exception {
        // before: the file was read as UTF-8 text, and this line stopped the replay with MalformedInputException
        Path file = dir.resolve("posts.jsonl");
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(bytes("{\"id\":\"7_1\",\"from\":{\"id\":\"7\"}}\n"));
        content.writeBytes(INVALID_UTF8);
        content.writeBytes(bytes("\n   \n{\"id\":\"8_1\",\"from\":{\"id\":\"8\"}}\n"));
        Files.write(file, content.toByteArray());

        List<UserRecord> records = new ArrayList<>();
        try (FileSource source = new FileSource(file)) {
            for (UserRecord record = source.next(); record != null; record = source.next()) {
                records.add(record);
            }
        }

        assertThat(records).extracting(UserRecord::partitionKey).containsExactly("7", LineKeys.UNKEYED, "8");
        assertThat(records.get(1).data()).isEqualTo(INVALID_UTF8);
    }

    private static List<String> read(byte[] feed, int cap) throws Exception {
        List<String> lines = new ArrayList<>();
        try (LineReader reader = new LineReader(new ByteArrayInputStream(feed), cap)) {
            for (byte[] line = reader.next(); line != null; line = reader.next()) {
                lines.add(new String(line, StandardCharsets.UTF_8));
            }
        }
        return lines;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
