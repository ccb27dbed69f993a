package dev.pulse.bench.mentions;

import dev.pulse.core.config.PulseConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opensearch.client.opensearch.OpenSearchClient;

/** Prints the machine and servers a figure was measured on, since a latency means nothing without them. */
public final class MachineFacts {
    private MachineFacts() {}

    public static void print(OpenSearchClient client, PulseConfig config) throws Exception {
        System.out.println("== machine ==");
        System.out.printf("cpu: %d cores, %s%n", Runtime.getRuntime().availableProcessors(), cpuModel());
        System.out.printf(
                "os: %s %s; java %s (%s); bench heap max %d MB%n",
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                Runtime.getRuntime().maxMemory() >> 20);
        var info = client.info();
        var nodes =
                client.nodes().stats(s -> s.metric(org.opensearch.client.opensearch.nodes.stats.NodesStatsMetric.Jvm));
        long heapMax = nodes.nodes().values().iterator().next().jvm().mem().heapMaxInBytes();
        System.out.printf(
                "opensearch %s at %s, heap max %d MB; redis at %s%n",
                info.version().number(),
                config.openSearch().endpoint(),
                heapMax >> 20,
                config.redis().uri());
    }

    /** The cores and CPU model, in one phrase. */
    public static String cpu() {
        return Runtime.getRuntime().availableProcessors() + " cores, " + cpuModel();
    }

    /** OpenSearch's maximum heap, e.g. {@code 512 MB}, or {@code unknown}. */
    public static String openSearchHeap(OpenSearchClient client) {
        try {
            var nodes = client.nodes()
                    .stats(s -> s.metric(org.opensearch.client.opensearch.nodes.stats.NodesStatsMetric.Jvm));
            return (nodes.nodes().values().iterator().next().jvm().mem().heapMaxInBytes() >> 20) + " MB";
        } catch (Exception e) {
            return "unknown";
        }
    }

    /** The 1/5/15-minute load averages: on a shared 2-core machine they say how much a figure was disturbed. */
    public static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    public static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .orElse("unknown");
        } catch (Exception e) {
            return "unknown";
        }
    }
}
