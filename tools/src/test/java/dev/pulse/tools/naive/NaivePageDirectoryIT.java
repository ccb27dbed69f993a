package dev.pulse.tools.naive;

import dev.pulse.mentions.adapter.opensearch.TestPagesIndex;
import dev.pulse.mentions.application.ContractPages;
import dev.pulse.mentions.application.PageDirectory;
import dev.pulse.mentions.application.PageDirectoryContract;
import dev.pulse.mentions.domain.PageSummary;
import java.util.List;

/** The naive baseline answers the same, over the older v1 mapping: the contract does not rely on v2's fields. */
class NaivePageDirectoryIT extends PageDirectoryContract {
    private TestPagesIndex index;

    @Override
    protected PageDirectory createDirectory(List<PageSummary> pages) {
        index = new TestPagesIndex(ContractPages.documents(), "opensearch/pages-v1.json");
        return new NaivePageDirectory(index.client, index.alias);
    }

    @Override
    protected void dispose() {
        index.close();
    }
}
