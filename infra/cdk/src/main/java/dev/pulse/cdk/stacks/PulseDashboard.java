package dev.pulse.cdk.stacks;

import dev.pulse.cdk.config.EnvironmentConfig;
import dev.pulse.cdk.constructs.PulseFunction;
import dev.pulse.core.topology.StreamMappingSpec;
import dev.pulse.core.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TextWidget;
import software.constructs.Construct;

/** One CloudWatch dashboard, top to bottom in the order data flows: stream, functions, API, search, cache, queues. */
final class PulseDashboard extends Construct {
    PulseDashboard(Construct scope, EnvironmentConfig config, Topology topology, ObservabilityStack.Watched w) {
        super(scope, "Dashboard");
        MetricOptions sum = MetricOptions.builder()
                .statistic("Sum")
                .period(Duration.minutes(1))
                .build();
        MetricOptions p99 = MetricOptions.builder()
                .statistic("p99")
                .period(Duration.minutes(1))
                .build();
        MetricOptions max = MetricOptions.builder()
                .statistic("Maximum")
                .period(Duration.minutes(1))
                .build();
        List<IWidget> widgets = new ArrayList<>();
        widgets.add(TextWidget.Builder.create()
                .markdown("# Pulse " + config.name() + "\nAlarms and runbook: docs/DEPLOYING.md")
                .width(24)
                .height(2)
                .build());
        w.streams().streams().forEach((name, stream) -> {
            widgets.add(graph("Stream " + name + ": records in", List.of(stream.metricIncomingRecords(sum))));
            widgets.add(graph(
                    "Stream " + name + ": write throttles",
                    List.of(stream.metricWriteProvisionedThroughputExceeded(sum))));
        });
        for (StreamMappingSpec mapping : topology.streamMappings()) {
            widgets.add(graph(
                    mapping.function() + ": iterator age (ms)",
                    List.of(ObservabilityStack.iteratorAge(w.functions().function(mapping.function())))));
        }
        for (PulseFunction fn : w.functions().functions().values()) {
            String name = fn.spec().name();
            widgets.add(graph(
                    name + ": invocations, errors, throttles",
                    List.of(
                            fn.function().metricInvocations(sum),
                            fn.function().metricErrors(sum),
                            fn.function().metricThrottles(sum))));
            widgets.add(
                    graph(name + ": duration p99 (ms)", List.of(fn.function().metricDuration(p99))));
        }
        var api = w.api().api();
        widgets.add(graph(
                "API: requests, 4xx, 5xx",
                List.of(api.metricCount(sum), api.metricClientError(sum), api.metricServerError(sum))));
        widgets.add(graph("API: latency p99 (ms)", List.of(api.metricLatency(p99))));
        var domain = w.search().domain();
        widgets.add(graph(
                "Search: cluster status",
                List.of(domain.metricClusterStatusRed(max), domain.metricClusterStatusYellow(max))));
        widgets.add(graph(
                "Search: JVM pressure, CPU (%)",
                List.of(domain.metricJVMMemoryPressure(max), domain.metricCPUUtilization(max))));
        widgets.add(graph(
                "Search: indexing and search latency (ms)",
                List.of(domain.metricIndexingLatency(p99), domain.metricSearchLatency(p99))));
        List<IMetric> cpu = new ArrayList<>();
        List<IMetric> evictions = new ArrayList<>();
        for (String node : w.cache().nodeIds(config)) {
            cpu.add(ObservabilityStack.cacheMetric(node, "EngineCPUUtilization", "Average"));
            evictions.add(ObservabilityStack.cacheMetric(node, "Evictions", "Sum"));
        }
        widgets.add(graph("Cache: engine CPU (%)", cpu));
        widgets.add(graph("Cache: evictions", evictions));
        List<IMetric> depths = new ArrayList<>();
        w.storage().queues().values().forEach(q -> depths.add(q.metricApproximateNumberOfMessagesVisible(max)));
        widgets.add(graph("Dead-letter queues: messages waiting", depths));
        Dashboard dashboard = Dashboard.Builder.create(this, "Dashboard")
                .dashboardName(config.prefix())
                .build();
        dashboard.addWidgets(widgets.getFirst());
        for (int i = 1; i < widgets.size(); i += 2) {
            dashboard.addWidgets(
                    widgets.subList(i, Math.min(i + 2, widgets.size())).toArray(IWidget[]::new));
        }
    }

    private static GraphWidget graph(String title, List<? extends IMetric> metrics) {
        return GraphWidget.Builder.create()
                .title(title)
                .left(List.copyOf(metrics))
                .width(12)
                .height(6)
                .build();
    }
}
