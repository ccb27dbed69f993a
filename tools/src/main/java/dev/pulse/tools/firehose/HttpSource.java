package dev.pulse.tools.firehose;

import dev.pulse.ingest.application.Backoff;
import dev.pulse.ingest.domain.kpl.UserRecord;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a streaming JSON-lines endpoint. When the connection drops or the server answers an error, it reconnects
 * with exponential backoff; it never ends by itself (the command's duration does). Lines are forwarded as bytes,
 * undecoded, like {@link FileSource}'s.
 */
public final class HttpSource implements PostSource {
    private static final Logger LOG = LoggerFactory.getLogger(HttpSource.class);

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI uri;
    private final Backoff backoff;
    private LineReader reader;
    private int failures;

    public HttpSource(URI uri, Backoff backoff) {
        this.uri = uri;
        this.backoff = backoff;
    }

    @Override
    public UserRecord next() throws InterruptedException {
        while (true) {
            try {
                if (reader == null) {
                    reader = connect();
                }
                byte[] line = reader.next();
                if (line == null) {
                    throw new IOException("stream ended");
                }
                failures = 0;
                if (!LineReader.blank(line)) {
                    return LineKeys.record(line);
                }
            } catch (IOException e) {
                closeReader();
                Duration delay = backoff.delay(failures++);
                LOG.warn("feed {} unavailable ({}), reconnecting in {} ms", uri, e.getMessage(), delay.toMillis());
                Thread.sleep(delay);
            }
        }
    }

    private LineReader connect() throws IOException, InterruptedException {
        HttpResponse<java.io.InputStream> response =
                client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("feed answered " + response.statusCode());
        }
        return new LineReader(response.body());
    }

    private void closeReader() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException ignored) {
                // the connection is already broken
            }
            reader = null;
        }
    }

    @Override
    public void close() {
        closeReader();
    }
}
