package dev.pulse.tools.cost;

import dev.pulse.core.topology.FunctionSpec;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.Stage;
import dev.pulse.core.topology.StreamMappingSpec;
import dev.pulse.core.topology.Topology;

/**
 * Everything the cost model multiplies prices by. {@link #prod} fills it from the topology (shards, parallelization,
 * function memory), from the measured {@link Traffic}, and from the prod sizes of {@code infra/cdk}'s
 * {@code Environments.prod()} (OpenSearch, Redis, zones), repeated here because this tool does not load the CDK.
 */
public record CostInputs(
        int rate,
        Traffic traffic,
        int shards,
        int parallelization,
        int ingestMemoryMb,
        double ingestMsPerPost,
        double indexBytesPerPost,
        long apiRequests,
        int apiMemoryMb,
        double apiMs,
        int responseBytes,
        Search search,
        Cache cache,
        int activePages,
        int alarms,
        int metrics,
        int logBytesPerIngestCall,
        int logBytesPerApiRequest,
        int zones,
        int interfaceEndpoints,
        int kmsKeys,
        int secrets,
        double webGb) {

    /** The OpenSearch domain: data nodes, dedicated masters and gp3 volume per data node. */
    public record Search(String dataNodeType, int dataNodes, String masterType, int masters, int volumeGb) {}

    /** The Redis replication group; {@code valkey} prices the same nodes on the Valkey engine. */
    public record Cache(String nodeType, int nodes, boolean valkey) {}

    public CostInputs {
        if (rate < 1 || shards < 1) {
            throw new IllegalArgumentException("rate and shards must be at least 1");
        }
    }

    /** Prod as deployed, at {@code rate} posts per second. */
    public static CostInputs prod(int rate, Traffic traffic) {
        Topology topology = PulseTopology.define();
        StreamMappingSpec mapping = topology.streamMappings().getFirst();
        FunctionSpec ingest = topology.requireFunction(mapping.function());
        FunctionSpec mentions = topology.requireFunction(PulseTopology.MENTIONS_FUNCTION);
        int shards = topology.streams().stream()
                .filter(s -> s.name().equals(mapping.stream()))
                .findFirst()
                .orElseThrow()
                .capacityIn(Stage.PROD)
                .shards();
        return new CostInputs(
                rate,
                traffic,
                Math.max(1, shards),
                mapping.parallelizationFactor(),
                ingest.memoryMb(),
                0.3, // the budget of DEPLOYING.md's cost model, from the local ingest benchmark
                // page upserts (de-duplicated per batch, ~250 B each, about one page per two posts) and the ~2% of
                // posts that belong to tracked pages
                0.5 * 250 + 0.02 * traffic.postBytes(),
                30_000_000L,
                mentions.memoryMb(),
                20,
                2_048,
                new Search("r7g.large.search", 3, "m7g.large.search", 3, 200),
                new Cache("cache.r7g.large", 2, false),
                100_000,
                60,
                50,
                2_048,
                1_200,
                3,
                2,
                3,
                1,
                50);
    }

    public CostInputs withShards(int newShards) {
        return new CostInputs(
                rate,
                traffic,
                newShards,
                parallelization,
                ingestMemoryMb,
                ingestMsPerPost,
                indexBytesPerPost,
                apiRequests,
                apiMemoryMb,
                apiMs,
                responseBytes,
                search,
                cache,
                activePages,
                alarms,
                metrics,
                logBytesPerIngestCall,
                logBytesPerApiRequest,
                zones,
                interfaceEndpoints,
                kmsKeys,
                secrets,
                webGb);
    }

    public CostInputs withCache(Cache newCache) {
        return new CostInputs(
                rate,
                traffic,
                shards,
                parallelization,
                ingestMemoryMb,
                ingestMsPerPost,
                indexBytesPerPost,
                apiRequests,
                apiMemoryMb,
                apiMs,
                responseBytes,
                search,
                newCache,
                activePages,
                alarms,
                metrics,
                logBytesPerIngestCall,
                logBytesPerApiRequest,
                zones,
                interfaceEndpoints,
                kmsKeys,
                secrets,
                webGb);
    }
}
