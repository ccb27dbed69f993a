package dev.pulse.mentions.adapter.opensearch;

import dev.pulse.core.domain.PageDocument;
import dev.pulse.core.search.OpenSearchClients;
import dev.pulse.core.search.PagesIndexAdmin;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.testing.Unique;
import java.util.List;
import org.opensearch.client.opensearch.OpenSearchClient;

/** A uniquely named alias over one pages index on the local OpenSearch, loaded and refreshed; deleted on close. */
public final class TestPagesIndex implements AutoCloseable {
    public final OpenSearchClient client =
            OpenSearchClients.create(LocalPlatform.config().openSearch());
    public final PagesIndexAdmin admin = new PagesIndexAdmin(client);
    public final String alias = Unique.name("it-pages");
    public final String index = alias + "-v2";

    public TestPagesIndex(List<PageDocument> pages) {
        this(pages, "opensearch/pages-v2.json");
    }

    public TestPagesIndex(List<PageDocument> pages, String definition) {
        admin.create(index, definition);
        admin.bulkIndex(index, pages);
        admin.refresh(index);
        admin.pointAlias(alias, index);
    }

    @Override
    public void close() {
        for (String each : admin.indicesOf(alias)) {
            admin.delete(each);
        }
        admin.delete(index);
    }
}
