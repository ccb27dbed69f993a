package dev.pulse.cdk.constructs;

import dev.pulse.core.topology.Access;
import dev.pulse.core.topology.AliasSpec;
import dev.pulse.core.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.GrantOnPrincipalOptions;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.kinesis.IStream;
import software.amazon.awscdk.services.opensearchservice.IDomain;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.sqs.IQueue;

/**
 * Turns each topology {@link Access} into a least-privilege {@code grant*} call and the environment variable that
 * tells the function the resource's physical name: stream and table names, queue URLs, OpenSearch alias or index
 * template names, and the cache's key prefix.
 */
public final class AccessGrants {
    private final Topology topology;
    private final Map<String, IStream> streams;
    private final Map<String, ITable> tables;
    private final Map<String, IQueue> queues;
    private final IDomain domain;
    private final ISecret cacheToken;

    public AccessGrants(
            Topology topology,
            Map<String, IStream> streams,
            Map<String, ITable> tables,
            Map<String, IQueue> queues,
            IDomain domain,
            ISecret cacheToken) {
        this.topology = topology;
        this.streams = streams;
        this.tables = tables;
        this.queues = queues;
        this.domain = domain;
        this.cacheToken = cacheToken;
    }

    /** Grants one access and returns the physical name to put in {@link Access#environmentVariable()}. */
    public String grant(Access access, IGrantable grantee) {
        return switch (access.kind()) {
            case STREAM -> stream(access, grantee);
            case TABLE -> table(access, grantee);
            case QUEUE -> queue(access, grantee);
            case SEARCH -> search(access, grantee);
            case CACHE -> {
                cacheToken.grantRead(grantee);
                yield access.resource();
            }
        };
    }

    private String stream(Access access, IGrantable grantee) {
        IStream stream = streams.get(access.resource());
        switch (access.mode()) {
            case READ -> stream.grantRead(grantee);
            case WRITE -> stream.grantWrite(grantee);
            case READ_WRITE -> stream.grantReadWrite(grantee);
        }
        return stream.getStreamName();
    }

    private String table(Access access, IGrantable grantee) {
        ITable table = tables.get(access.resource());
        switch (access.mode()) {
            case READ -> table.grantReadData(grantee);
            case WRITE -> table.grantWriteData(grantee);
            case READ_WRITE -> table.grantReadWriteData(grantee);
        }
        return table.getTableName();
    }

    private String queue(Access access, IGrantable grantee) {
        IQueue queue = queues.get(access.resource());
        switch (access.mode()) {
            case READ -> queue.grantConsumeMessages(grantee);
            case WRITE -> queue.grantSendMessages(grantee);
            case READ_WRITE -> {
                queue.grantConsumeMessages(grantee);
                queue.grantSendMessages(grantee);
            }
        }
        return queue.getQueueUrl();
    }

    /**
     * Grants on the index paths only (an alias and its versions, or a template's pattern), plus {@code _bulk}
     * for writers, since a bulk request's path names no index, and for readers POST to the indices' {@code _search}
     * and {@code _msearch} and the alias lookup. Never the whole domain.
     */
    private String search(Access access, IGrantable grantee) {
        switch (access.mode()) {
            case QUERY -> {
                return query(access, grantee);
            }
            case EXPIRE -> {
                return expire(access, grantee);
            }
            case READ, WRITE, READ_WRITE -> {}
        }
        for (String index : indices(access.resource())) {
            switch (access.mode()) {
                case READ -> domain.grantIndexRead(index, grantee);
                case WRITE -> domain.grantIndexWrite(index, grantee);
                case READ_WRITE -> domain.grantIndexReadWrite(index, grantee);
            }
        }
        if (access.mode() != Access.Mode.READ) {
            domain.grantPathWrite("_bulk", grantee);
        } else {
            // grantIndexRead allows GET and HEAD only, but search clients POST their query bodies to these two.
            List<String> searches = new ArrayList<>();
            for (String index : indices(access.resource())) {
                searches.add(domain.getDomainArn() + "/" + index + "/_search");
                searches.add(domain.getDomainArn() + "/" + index + "/_msearch");
            }
            Grant.addToPrincipal(GrantOnPrincipalOptions.builder()
                    .grantee(grantee)
                    .actions(List.of("es:ESHttpPost"))
                    .resourceArns(searches)
                    .build());
        }
        boolean alias = topology.aliases().stream().anyMatch(a -> a.alias().equals(access.resource()));
        if (alias && access.mode() != Access.Mode.WRITE) {
            // Readers resolve the alias (GET /_alias/pages) to learn the live index version, e.g. as a cache key.
            domain.grantPathRead("_alias/" + access.resource(), grantee);
        }
        return access.resource();
    }

    /**
     * A searching job (reporting): POST to {@code _search} on exactly the paths it addresses (the alias itself, not
     * its versions; a template's pattern), and GET on the search pool's statistics its pacer polls. No GET or HEAD on
     * documents, no {@code _msearch}, nothing that writes.
     */
    private String query(Access access, IGrantable grantee) {
        List<String> searches = new ArrayList<>();
        for (String index : addressed(access.resource())) {
            searches.add(domain.getDomainArn() + "/" + index + "/_search");
        }
        allow(grantee, "es:ESHttpPost", searches);
        allow(grantee, "es:ESHttpGet", List.of(domain.getDomainArn() + "/" + Access.SEARCH_POOL_STATS));
        return access.resource();
    }

    /** Retention: GET {@code _cat/indices/<pattern>} to list a template's indices, DELETE on the pattern's indices. */
    private String expire(Access access, IGrantable grantee) {
        List<String> lists = new ArrayList<>();
        List<String> deletes = new ArrayList<>();
        for (String pattern : indices(access.resource())) {
            lists.add(domain.getDomainArn() + "/_cat/indices/" + pattern);
            deletes.add(domain.getDomainArn() + "/" + pattern);
        }
        allow(grantee, "es:ESHttpGet", lists);
        allow(grantee, "es:ESHttpDelete", deletes);
        return access.resource();
    }

    private static void allow(IGrantable grantee, String action, List<String> resources) {
        Grant.addToPrincipal(GrantOnPrincipalOptions.builder()
                .grantee(grantee)
                .actions(List.of(action))
                .resourceArns(resources)
                .build());
    }

    /** The index paths a function names in its requests: an alias by itself, a template by its pattern. */
    private List<String> addressed(String resource) {
        boolean alias = topology.aliases().stream().anyMatch(a -> a.alias().equals(resource));
        return alias ? List.of(resource) : indices(resource);
    }

    private List<String> indices(String resource) {
        for (AliasSpec alias : topology.aliases()) {
            if (alias.alias().equals(resource)) {
                // Every version (pages-*), so a re-index into a new version keeps its grants.
                return List.of(alias.alias(), alias.versions());
            }
        }
        return topology.indexTemplates().stream()
                .filter(t -> t.name().equals(resource))
                .map(t -> t.pattern())
                .toList();
    }
}
