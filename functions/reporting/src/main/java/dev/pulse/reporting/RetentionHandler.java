package dev.pulse.reporting;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.reporting.application.RetentionJob;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/** {@code retention}: deletes the posts indices past their retention; {@code {"dryRun":true}} only lists them. */
public final class RetentionHandler implements RequestStreamHandler {
    private final RetentionJob job;
    private final boolean dryRunByDefault;

    public RetentionHandler() {
        this(ReportingWiring.fromEnvironment(PulseTopology.RETENTION_FUNCTION));
    }

    private RetentionHandler(ReportingWiring wiring) {
        this(wiring.retentionJob(), wiring.config().retentionDryRun());
    }

    RetentionHandler(RetentionJob job, boolean dryRunByDefault) {
        this.job = job;
        this.dryRunByDefault = dryRunByDefault;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JobEvent event = JobEvent.read(input);
        PowertoolsLogging.withLogging(context, () -> {
            SnapshotsHandler.write(output, job.run(dryRunByDefault || event.dryRun()));
            return null;
        });
    }
}
