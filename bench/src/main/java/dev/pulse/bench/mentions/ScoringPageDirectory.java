package dev.pulse.bench.mentions;

import dev.pulse.mentions.application.PageDirectory;
import dev.pulse.mentions.domain.DirectoryUnavailableException;
import dev.pulse.mentions.domain.Matches;
import dev.pulse.mentions.domain.MentionQuery;
import dev.pulse.mentions.domain.PageSummary;
import java.util.Map;
import java.util.Objects;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.FieldValueFactorModifier;
import org.opensearch.client.opensearch._types.query_dsl.FunctionBoostMode;
import org.opensearch.client.opensearch._types.query_dsl.Operator;

/**
 * The design not chosen, measured for comparison: one scored query over the same pages-v2 fields (whole-name prefix
 * boosted over word prefix) multiplied by {@code log1p(fans)} in a {@code function_score}. It must score every matching
 * page, which is what makes one- and two-letter prefixes slow as the corpus grows.
 */
final class ScoringPageDirectory implements PageDirectory {
    private final OpenSearchClient client;
    private final String alias;

    ScoringPageDirectory(OpenSearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    @Override
    public Matches find(MentionQuery query) {
        String text = query.prefix().text();
        try {
            var response = client.search(
                    s -> s.index(alias)
                            .size(query.limit())
                            .trackTotalHits(t -> t.enabled(false))
                            .source(src -> src.filter(f -> f.includes("pageId", "name", "fans")))
                            .query(q -> q.functionScore(fs -> fs.query(inner ->
                                            inner.bool(b -> b.should(sh -> sh.constantScore(c -> c.boost(3f)
                                                            .filter(f -> f.match(m -> m.field("name.start")
                                                                    .query(FieldValue.of(text))))))
                                                    .should(sh -> sh.constantScore(c -> c.boost(1f)
                                                            .filter(f -> f.match(m -> m.field("name.prefix")
                                                                    .query(FieldValue.of(text))
                                                                    .operator(Operator.And)))))))
                                    .functions(fn -> fn.fieldValueFactor(v -> v.field("fans")
                                            .modifier(FieldValueFactorModifier.Log1p)
                                            .missing(0.0)))
                                    .boostMode(FunctionBoostMode.Multiply))),
                    Map.class);
            var pages = response.hits().hits().stream()
                    .map(h -> h.source())
                    .filter(Objects::nonNull)
                    .map(src -> new PageSummary(
                            String.valueOf(src.get("pageId")),
                            String.valueOf(src.get("name")),
                            null,
                            null,
                            ((Number) src.get("fans")).longValue(),
                            false))
                    .toList();
            return new Matches(pages, Matches.Source.INDEX);
        } catch (Exception e) {
            throw new DirectoryUnavailableException("scoring search failed: " + e.getMessage(), e);
        }
    }
}
