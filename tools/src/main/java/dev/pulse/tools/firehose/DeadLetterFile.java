package dev.pulse.tools.firehose;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.core.json.Json;
import dev.pulse.ingest.domain.kpl.UserRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Base64;

/**
 * The producer's dead-letter file: records the producer cannot send (over the Kinesis record limit) are appended as
 * JSON lines, {@code {"at","reason","partitionKey","bytes","data"}}, with the record's bytes in base64 so that nothing
 * (invalid UTF-8 included) is lost. The file is created at the first record, so a clean run leaves none.
 */
public final class DeadLetterFile {
    /** Where {@code ./pulse firehose} writes it unless {@code --dead-letter} says otherwise (from the repository). */
    public static final Path DEFAULT = Path.of(".pulse", "firehose", "dead-letter.jsonl");

    private final Path path;
    private final Clock clock;
    private OutputStream out;
    private long written;

    public DeadLetterFile(Path path) {
        this(path, Clock.systemUTC());
    }

    DeadLetterFile(Path path, Clock clock) {
        this.path = path;
        this.clock = clock;
    }

    public Path path() {
        return path;
    }

    /** Records written by this producer (the file may hold earlier runs' too). */
    public synchronized long written() {
        return written;
    }

    /** Appends the record with its reason and flushes, so a crash right after loses nothing already counted. */
    public synchronized void write(UserRecord record, String reason) {
        ObjectNode entry = Json.mapper().createObjectNode();
        entry.put("at", clock.instant().toString());
        entry.put("reason", reason);
        entry.put("partitionKey", record.partitionKey());
        entry.put("bytes", record.data().length);
        entry.put("data", Base64.getEncoder().encodeToString(record.data()));
        try {
            if (out == null) {
                Path parent = path.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                out = Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            out.write((Json.write(entry) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            written++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dead-letter file " + path, e);
        }
    }

    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out = null;
        }
    }
}
