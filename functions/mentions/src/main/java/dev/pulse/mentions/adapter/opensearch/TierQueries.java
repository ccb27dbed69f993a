package dev.pulse.mentions.adapter.opensearch;

import dev.pulse.mentions.domain.Prefix;
import java.util.List;
import java.util.Optional;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.Operator;
import org.opensearch.client.opensearch._types.query_dsl.Query;

/**
 * The match-quality tiers, best first, over the pages-v2 mapping. Only {@code match} and {@code prefix} queries: the
 * typed text is analysed or compared as a term, never parsed, so {@code * ? ~ ( ) :} and friends are plain characters.
 */
final class TierQueries {
    /** Longest whole-name prefix indexed as edge n-grams in {@code name.start}; longer ones use a prefix query. */
    static final int NAME_START_GRAMS = 24;

    static final int TYPO_FROM = 4;

    private TierQueries() {}

    /** The exact tiers: the whole name starts with the prefix, then every typed word starts a word of the name. */
    static List<Query> exact(Prefix prefix) {
        return List.of(
                wholeName(prefix),
                Query.of(q -> q.match(m -> m.field("name.prefix")
                        .query(FieldValue.of(prefix.text()))
                        .operator(Operator.And))));
    }

    /** The typo tier, from four characters: each typed word of 4+ characters may be one edit off a word prefix. */
    static Optional<Query> typo(Prefix prefix) {
        if (prefix.length() < TYPO_FROM) {
            return Optional.empty();
        }
        // AUTO:4,101 gives each typed word of 4+ characters one edit and shorter words none.
        return Optional.of(Query.of(q -> q.match(m -> m.field("name.prefix")
                .query(FieldValue.of(prefix.text()))
                .operator(Operator.And)
                .fuzziness("AUTO:4,101")
                .prefixLength(1)
                .maxExpansions(50)
                .fuzzyTranspositions(true))));
    }

    private static Query wholeName(Prefix prefix) {
        if (prefix.length() <= NAME_START_GRAMS) {
            return Query.of(q -> q.match(m -> m.field("name.start").query(FieldValue.of(prefix.text()))));
        }
        // Long prefixes match few terms, so a prefix query over the folded keyword stays cheap.
        return Query.of(q -> q.prefix(p -> p.field("name.keyword").value(prefix.text())));
    }
}
