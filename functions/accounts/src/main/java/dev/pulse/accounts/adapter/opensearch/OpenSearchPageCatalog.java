package dev.pulse.accounts.adapter.opensearch;

import dev.pulse.accounts.application.PageCatalog;
import dev.pulse.accounts.application.StorageUnavailableException;
import dev.pulse.accounts.domain.PageId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;

/** The pages alias, asked for a handful of pages by id in one {@code _search}. */
public final class OpenSearchPageCatalog implements PageCatalog {
    private static final List<String> FIELDS = List.of("pageId", "name", "fans");

    private final OpenSearchClient client;
    private final String alias;

    public OpenSearchPageCatalog(OpenSearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    @Override
    public Map<PageId, PageInfo> find(Collection<PageId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<FieldValue> values =
                ids.stream().map(id -> FieldValue.of(id.value())).toList();
        Map<PageId, PageInfo> found = new HashMap<>();
        try {
            var response = client.search(
                    s -> s.index(alias)
                            .query(q -> q.terms(t -> t.field("pageId").terms(v -> v.value(values))))
                            .size(ids.size())
                            .source(src -> src.filter(f -> f.includes(FIELDS))),
                    Fields.class);
            for (var hit : response.hits().hits()) {
                Fields page = hit.source();
                if (page != null && page.pageId() != null) {
                    found.put(
                            new PageId(page.pageId()),
                            new PageInfo(
                                    page.name() == null ? "" : page.name(), page.fans() == null ? 0 : page.fans()));
                }
            }
        } catch (Exception e) { // IOException, OpenSearchException, transport errors: all mean "cannot answer"
            throw StorageUnavailableException.search(e);
        }
        return found;
    }

    /** The source fields fetched. */
    public record Fields(String pageId, String name, Long fans) {}
}
