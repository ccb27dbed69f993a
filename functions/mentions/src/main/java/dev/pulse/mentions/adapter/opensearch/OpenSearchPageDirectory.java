package dev.pulse.mentions.adapter.opensearch;

import dev.pulse.mentions.domain.DirectoryUnavailableException;
import dev.pulse.mentions.domain.Matches;
import dev.pulse.mentions.domain.MentionQuery;
import dev.pulse.mentions.domain.PageDirectory;
import dev.pulse.mentions.domain.PageSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.MsearchResponse;
import org.opensearch.client.opensearch.core.msearch.MultiSearchResponseItem;
import org.opensearch.client.opensearch.core.msearch.RequestItem;

/**
 * The production directory. One {@code _msearch} round trip runs each match tier as a filter sorted by fans, the
 * index's own sort order ({@code pages-v2} is index-sorted by fans), with total hits off, so each shard stops after
 * {@code limit} hits: a one-letter prefix that matches a million pages costs about what a rare one does.
 */
public final class OpenSearchPageDirectory implements PageDirectory {
    private static final List<SortOptions> BY_FANS = List.of(
            SortOptions.of(s -> s.field(f -> f.field("fans").order(SortOrder.Desc))),
            SortOptions.of(s -> s.field(f -> f.field("pageId").order(SortOrder.Asc))));

    private final OpenSearchClient client;
    private final String alias;

    public OpenSearchPageDirectory(OpenSearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    @Override
    public Matches find(MentionQuery query) {
        List<RequestItem> searches = new ArrayList<>();
        for (Query tier : TierQueries.forPrefix(query.prefix())) {
            searches.add(RequestItem.of(r -> r.header(h -> h.index(alias))
                    .body(b -> b.query(q -> q.constantScore(c -> c.filter(tier)))
                            .size(query.limit())
                            .sort(BY_FANS)
                            .trackTotalHits(t -> t.enabled(false))
                            .source(s -> s.filter(f -> f.includes(PageSource.FIELDS))))));
        }
        MsearchResponse<PageSource> response;
        try {
            response = client.msearch(m -> m.searches(searches), PageSource.class);
        } catch (Exception e) { // IOException, OpenSearchException, transport errors: all mean "cannot answer"
            throw new DirectoryUnavailableException("page search failed: " + e.getMessage(), e);
        }
        return new Matches(merge(response.responses(), query.limit()), Matches.Source.INDEX);
    }

    private static List<PageSummary> merge(List<MultiSearchResponseItem<PageSource>> tiers, int limit) {
        Map<String, PageSummary> found = new LinkedHashMap<>();
        for (MultiSearchResponseItem<PageSource> tier : tiers) {
            if (!tier.isResult()) {
                throw new DirectoryUnavailableException(
                        "page search failed: " + tier.failure().error().reason(), null);
            }
            for (var hit : tier.result().hits().hits()) {
                if (found.size() == limit) {
                    return new ArrayList<>(found.values());
                }
                if (hit.source() != null) {
                    found.putIfAbsent(hit.source().pageId(), hit.source().toSummary());
                }
            }
        }
        return new ArrayList<>(found.values());
    }
}
