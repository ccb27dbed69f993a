package dev.pulse.accounts;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.pulse.accounts.application.ReconcileReport;
import dev.pulse.accounts.application.ReconcileService;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code tracked-reconcile} schedule's target: one reconciliation run per event. A failure is thrown, so Lambda
 * retries the run and then sends it to the schedule's on-failure queue; a run that found drift succeeds.
 */
public final class ReconcileHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {
    private static final System.Logger LOG = System.getLogger(ReconcileHandler.class.getName());

    private final ReconcileService service;

    /** Lambda's constructor: builds the wiring once per instance. */
    public ReconcileHandler() {
        this(ReconcileWiring.fromEnvironment().service());
    }

    ReconcileHandler(ReconcileService service) {
        this.service = service;
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        ReconcileReport report = service.run();
        LOG.log(
                report.drift() == 0 ? System.Logger.Level.INFO : System.Logger.Level.WARNING,
                "tracked-pages reconciled: {0}",
                report);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rowsScanned", report.rowsScanned());
        body.put("pagesScanned", report.pagesScanned());
        body.put("missing", report.missing());
        body.put("extra", report.extra());
        body.put("drift", report.drift());
        body.put("settled", report.settled());
        body.put("countersRepaired", report.countersRepaired());
        return body;
    }
}
