package dev.pulse.core.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ObservabilityTest {
    private final FunctionSpec mentions = PulseTopology.define().requireFunction(PulseTopology.MENTIONS_FUNCTION);

    @Test
    void everyFunction_isItsOwnServiceInTheOneMetricsNamespace() {
        assertThat(Observability.environment(mentions))
                .containsEntry("POWERTOOLS_SERVICE_NAME", "mentions")
                .containsEntry("POWERTOOLS_METRICS_NAMESPACE", "Pulse")
                .doesNotContainKey("POWERTOOLS_LOG_LEVEL");
    }

    @Test
    void inAStage_theLogLevelIsDebugInDevAndInfoInProd() {
        assertThat(Observability.environment(mentions, Stage.DEV)).containsEntry("POWERTOOLS_LOG_LEVEL", "DEBUG");
        assertThat(Observability.environment(mentions, Stage.PROD))
                .containsEntry("POWERTOOLS_LOG_LEVEL", "INFO")
                .containsEntry("POWERTOOLS_SERVICE_NAME", "mentions");
    }

    @Test
    void functionsDeclareNoPowertoolsVariablesOfTheirOwn() {
        PulseTopology.define()
                .functions()
                .forEach(f ->
                        assertThat(f.environment().keySet()).as(f.name()).noneMatch(k -> k.startsWith("POWERTOOLS_")));
    }
}
