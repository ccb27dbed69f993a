package dev.pulse.bench.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Drops the JSON lines (structured logs, EMF metrics) that the functions under test print, so the benchmark's own
 * figures stay readable; every other line passes through.
 */
public final class JsonLineFilter extends OutputStream {
    private final OutputStream out;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    public JsonLineFilter(OutputStream out) {
        this.out = out;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n') {
            byte[] bytes = line.toByteArray();
            line.reset();
            if (bytes.length == 0 || bytes[0] != '{') {
                out.write(bytes);
                out.flush();
            }
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        out.flush();
    }
}
