package dev.pulse.mentions.adapter.opensearch;

import dev.pulse.mentions.application.PageDirectory;
import dev.pulse.mentions.domain.DirectoryUnavailableException;
import dev.pulse.mentions.domain.Matches;
import dev.pulse.mentions.domain.MentionQuery;
import dev.pulse.mentions.domain.PageSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.msearch.MultiSearchResponseItem;
import org.opensearch.client.opensearch.core.msearch.RequestItem;

/**
 * The production directory. One {@code _msearch} round trip runs the exact match tiers, each as a filter sorted by
 * fans, the index's own sort order ({@code pages-v2} is index-sorted by fans), with total hits off, so the shard stops
 * after {@code limit} hits: a one-letter prefix that matches a million pages costs about what a rare one does. The
 * typo tier runs in a second trip, only when the exact tiers leave room (in the first trip for long prefixes, which
 * rarely fill a page exactly).
 */
public final class OpenSearchPageDirectory implements PageDirectory {
    private static final List<SortOptions> BY_FANS = List.of(
            SortOptions.of(s -> s.field(f -> f.field("fans").order(SortOrder.Desc))),
            SortOptions.of(s -> s.field(f -> f.field("pageId").order(SortOrder.Asc))));

    /** From this length exact matches are usually too few to fill a page, so the typo tier joins the first trip. */
    static final int TYPO_IN_FIRST_TRIP_FROM = 8;

    private final OpenSearchClient client;
    private final String alias;

    public OpenSearchPageDirectory(OpenSearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    @Override
    public Matches find(MentionQuery query) {
        Map<String, PageSummary> found = new LinkedHashMap<>();
        List<Query> tiers = new ArrayList<>(TierQueries.exact(query.prefix()));
        var typo = TierQueries.typo(query.prefix());
        boolean typoNow = typo.isPresent() && query.prefix().length() >= TYPO_IN_FIRST_TRIP_FROM;
        if (typoNow) {
            tiers.add(typo.get());
        }
        merge(found, search(tiers, query.limit()), query.limit());
        if (!typoNow && typo.isPresent() && found.size() < query.limit()) {
            // Typo matches only ever fill what exact matches left free, so they cost a second trip only then.
            merge(found, search(List.of(typo.get()), query.limit()), query.limit());
        }
        return new Matches(new ArrayList<>(found.values()), Matches.Source.INDEX);
    }

    private List<MultiSearchResponseItem<PageSource>> search(List<Query> tiers, int limit) {
        List<RequestItem> searches = new ArrayList<>();
        for (Query tier : tiers) {
            searches.add(RequestItem.of(r -> r.header(h -> h.index(alias))
                    .body(b -> b.query(q -> q.constantScore(c -> c.filter(tier)))
                            .size(limit)
                            .sort(BY_FANS)
                            .trackTotalHits(t -> t.enabled(false))
                            .source(s -> s.filter(f -> f.includes(PageSource.FIELDS))))));
        }
        try {
            // The alias also goes in the path (POST /pages/_msearch): IAM authorises by path, and the function's
            // grants name the alias's paths, not the domain-wide /_msearch.
            return client.msearch(m -> m.index(alias).searches(searches), PageSource.class)
                    .responses();
        } catch (Exception e) { // IOException, OpenSearchException, transport errors: all mean "cannot answer"
            throw new DirectoryUnavailableException("page search failed: " + e.getMessage(), e);
        }
    }

    private static void merge(
            Map<String, PageSummary> found, List<MultiSearchResponseItem<PageSource>> tiers, int limit) {
        for (MultiSearchResponseItem<PageSource> tier : tiers) {
            if (!tier.isResult()) {
                throw new DirectoryUnavailableException(
                        "page search failed: " + tier.failure().error().reason(), null);
            }
            for (var hit : tier.result().hits().hits()) {
                if (found.size() == limit) {
                    return;
                }
                if (hit.source() != null) {
                    found.putIfAbsent(hit.source().pageId(), hit.source().toSummary());
                }
            }
        }
    }
}
