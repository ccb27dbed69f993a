package dev.pulse.core.topology;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Powertools settings of every function, declared once: the service is the function's name, all metrics share one
 * namespace, and the log level depends on the stage. The CDK app and the local runtime both put them in each
 * function's environment.
 */
public final class Observability {
    /** The CloudWatch namespace of every Pulse metric (EMF), on which the dashboards and alarms are built. */
    public static final String METRICS_NAMESPACE = "Pulse";
    /** The dimension every function's metrics carry: the function's name. */
    public static final String SERVICE_DIMENSION = "Service";
    /**
     * The tracked-reconcile function's count of account ids it had to ADD to or DELETE from tracked-pages' sets in one
     * run; anything above 0 means a write crashed half-way (or a bug), and raises an alarm.
     */
    public static final String TRACKED_DRIFT_METRIC = "Drift";
    /** The legacy proxy's counts that its alarms read (per route, and summed under its {@code Service} alone). */
    public static final String LEGACY_AUTO_ROLLBACKS_METRIC = "AutoRollbacks";

    public static final String LEGACY_FALLBACKS_METRIC = "Fallbacks";
    public static final String LEGACY_SERVED_NEW_METRIC = "ServedNew";
    public static final String LEGACY_SHADOW_COMPARED_METRIC = "ShadowCompared";
    public static final String LEGACY_SHADOW_DIFFS_METRIC = "ShadowDiffs";

    private Observability() {}

    /** What every function's environment holds, locally too: its service name and the metrics namespace. */
    public static Map<String, String> environment(FunctionSpec function) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(Variables.Powertools.SERVICE_NAME, function.name());
        env.put(Variables.Powertools.METRICS_NAMESPACE, METRICS_NAMESPACE);
        return env;
    }

    /** The same in a deployed stage, with the stage's log level. */
    public static Map<String, String> environment(FunctionSpec function, Stage stage) {
        Map<String, String> env = environment(function);
        env.put(Variables.Powertools.LOG_LEVEL, logLevel(stage));
        return env;
    }

    /** Debug logs in dev, where they help; only INFO in prod, where every log line is paid for. */
    public static String logLevel(Stage stage) {
        return switch (stage) {
            case DEV -> "DEBUG";
            case PROD -> "INFO";
        };
    }
}
