package dev.pulse.tools.firehose;

import dev.pulse.ingest.domain.kpl.UserRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Replays a JSON-lines file, one post per line, each line's bytes as they are (see {@link LineReader}); blank lines are skipped. */
public final class FileSource implements PostSource {
    private final LineReader reader;

    public FileSource(Path file) {
        try {
            this.reader = new LineReader(Files.newInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @Override
    public UserRecord next() {
        try {
            for (byte[] line = reader.next(); line != null; line = reader.next()) {
                if (!LineReader.blank(line)) {
                    return LineKeys.record(line);
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
