package dev.pulse.tools.naive;

import dev.pulse.mentions.adapter.opensearch.PageSource;
import dev.pulse.mentions.application.PageDirectory;
import dev.pulse.mentions.domain.DirectoryUnavailableException;
import dev.pulse.mentions.domain.Matches;
import dev.pulse.mentions.domain.MentionQuery;
import dev.pulse.mentions.domain.PageSummary;
import java.util.List;
import java.util.Objects;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.query_dsl.Operator;
import org.opensearch.client.opensearch._types.query_dsl.Query;

/**
 * The baseline that failed in version 1: case-insensitive wildcard matching over the whole name ({@code q*} and
 * {@code * q*}, the second a leading wildcard that walks every distinct name), plus whole-word fuzzy matching, then
 * score and popularity. Same answers as the production directory on the contract cases, very different cost at scale.
 * Kept for the benchmark and as proof that the contract does not depend on the mapping trick.
 */
public final class NaivePageDirectory implements PageDirectory {
    private final OpenSearchClient client;
    private final String alias;

    public NaivePageDirectory(OpenSearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    @Override
    public Matches find(MentionQuery query) {
        String literal = escapeWildcard(query.prefix().text());
        Query wholeName = wildcard(literal + "*", 10f);
        Query anyWord = wildcard("* " + literal + "*", 4f);
        Query typo = Query.of(q -> q.constantScore(c -> c.boost(1f)
                .filter(f -> f.match(m -> m.field("name")
                        .query(FieldValue.of(query.prefix().text()))
                        .operator(Operator.And)
                        .fuzziness("AUTO:4,101")
                        .prefixLength(1)))));
        try {
            var response = client.search(
                    s -> s.index(alias)
                            .query(q -> q.disMax(d -> d.queries(wholeName, anyWord, typo)))
                            .size(query.limit())
                            .sort(
                                    SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc))),
                                    SortOptions.of(
                                            o -> o.field(f -> f.field("fans").order(SortOrder.Desc))),
                                    SortOptions.of(
                                            o -> o.field(f -> f.field("pageId").order(SortOrder.Asc))))
                            .source(src -> src.filter(f -> f.includes(PageSource.FIELDS))),
                    PageSource.class);
            List<PageSummary> pages = response.hits().hits().stream()
                    .map(h -> h.source())
                    .filter(Objects::nonNull)
                    .map(PageSource::toSummary)
                    .toList();
            return new Matches(pages, Matches.Source.INDEX);
        } catch (Exception e) {
            throw new DirectoryUnavailableException("naive page search failed: " + e.getMessage(), e);
        }
    }

    private static Query wildcard(String pattern, float boost) {
        return Query.of(q -> q.constantScore(c -> c.boost(boost)
                .filter(f ->
                        f.wildcard(w -> w.field("name.keyword").value(pattern).caseInsensitive(true)))));
    }

    /** In a wildcard pattern only {@code *}, {@code ?} and {@code \} are special; escape them so they match themselves. */
    static String escapeWildcard(String text) {
        StringBuilder out = new StringBuilder(text.length() + 4);
        for (char c : text.toCharArray()) {
            if (c == '*' || c == '?' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
