package dev.pulse.tools.firehose;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits a byte stream into lines without decoding it: a replayed feed is forwarded byte for byte, invalid UTF-8
 * included, and the ingest function judges each line (a {@code Reader} would stop the whole replay at the first bad
 * byte). A line ends at {@code \n}; a {@code \r} before it is dropped, as is a final line's missing newline. A line
 * longer than {@link #MAX_LINE_BYTES} keeps its first {@code MAX_LINE_BYTES} (already far over the Kinesis record
 * limit, so it goes to the producer's dead-letter file) and the rest is skipped with a warning, so one hostile line
 * cannot exhaust the producer's memory.
 */
final class LineReader implements Closeable {
    static final int MAX_LINE_BYTES = 8 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(LineReader.class);

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private long lineNumber;

    LineReader(InputStream in) {
        this(in, MAX_LINE_BYTES);
    }

    LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line's bytes, or {@code null} at the end of the stream. */
    byte[] next() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
        long length = 0;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            int end = position;
            while (end < limit && buffer[end] != '\n') {
                end++;
            }
            int keep = (int) Math.min(end - position, Math.max(0, maxLineBytes - length));
            line.write(buffer, position, keep);
            length += end - position;
            boolean newline = end < limit;
            position = newline ? end + 1 : end;
            if (newline) {
                break;
            }
        }
        lineNumber++;
        byte[] bytes = line.toByteArray();
        if (length > maxLineBytes) {
            LOG.warn(
                    "line {} has {} bytes: its first {} are forwarded (to the dead-letter file), the rest skipped",
                    lineNumber,
                    length,
                    maxLineBytes);
        } else if (bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
            return java.util.Arrays.copyOf(bytes, bytes.length - 1);
        }
        return bytes;
    }

    /** True for an empty line or one of spaces and tabs only, which the sources skip. */
    static boolean blank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
