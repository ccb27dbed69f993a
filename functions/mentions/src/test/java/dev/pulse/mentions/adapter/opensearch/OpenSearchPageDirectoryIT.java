package dev.pulse.mentions.adapter.opensearch;

import dev.pulse.mentions.application.ContractPages;
import dev.pulse.mentions.application.PageDirectory;
import dev.pulse.mentions.application.PageDirectoryContract;
import dev.pulse.mentions.domain.PageSummary;
import java.util.List;

class OpenSearchPageDirectoryIT extends PageDirectoryContract {
    private TestPagesIndex index;

    @Override
    protected PageDirectory createDirectory(List<PageSummary> pages) {
        index = new TestPagesIndex(ContractPages.documents());
        return new OpenSearchPageDirectory(index.client, index.alias);
    }

    @Override
    protected void dispose() {
        index.close();
    }
}
