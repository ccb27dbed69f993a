package dev.pulse.mentions.adapter.memory;

import dev.pulse.mentions.application.PageDirectory;
import dev.pulse.mentions.application.PageDirectoryContract;
import dev.pulse.mentions.domain.PageSummary;
import java.util.List;

class InMemoryPageDirectoryTest extends PageDirectoryContract {
    @Override
    protected PageDirectory createDirectory(List<PageSummary> pages) {
        InMemoryPageDirectory directory = new InMemoryPageDirectory();
        pages.forEach(directory::put);
        return directory;
    }
}
