package dev.pulse.reporting;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.pulse.core.json.Json;
import dev.pulse.reporting.application.RunResult;
import dev.pulse.reporting.application.SnapshotJob;
import dev.pulse.reporting.domain.Granularity;
import dev.pulse.reporting.domain.Window;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The snapshot functions' shared handler: the event picks the window, the job runs it until Lambda's time nearly runs
 * out. A run cut short by time fails the invocation, so Lambda's retry resumes it from the checkpoint.
 */
abstract class SnapshotsHandler implements RequestStreamHandler {
    /** Kept back from Lambda's timeout to finish the chunks in flight and answer. */
    static final Duration SAFETY = Duration.ofSeconds(60);

    private final SnapshotJob job;
    private final Granularity granularity;
    private final Clock clock;

    SnapshotsHandler(SnapshotJob job, Granularity granularity, Clock clock) {
        this.job = job;
        this.granularity = granularity;
        this.clock = clock;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JobEvent event = JobEvent.read(input);
        PowertoolsLogging.withLogging(context, () -> {
            Window window = event.period()
                    .map(granularity::at)
                    .orElseGet(() -> granularity.previousTo(event.time().orElse(clock.instant())));
            Instant deadline = clock.instant()
                    .plusMillis(context.getRemainingTimeInMillis())
                    .minus(SAFETY);
            RunResult result = job.run(window, event.fresh(), deadline);
            if (RunResult.OUT_OF_TIME.equals(result.status())) {
                throw new IllegalStateException(window.key() + " ran out of time; the retry resumes it: " + result);
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("periodKey", window.key());
            answer.put("result", result);
            write(output, answer);
            return null;
        });
    }

    static void write(OutputStream output, Object answer) {
        try {
            output.write(Json.write(answer).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
