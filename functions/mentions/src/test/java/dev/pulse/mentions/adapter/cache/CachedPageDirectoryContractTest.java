package dev.pulse.mentions.adapter.cache;

import dev.pulse.mentions.adapter.memory.InMemoryPageDirectory;
import dev.pulse.mentions.application.PageDirectory;
import dev.pulse.mentions.application.PageDirectoryContract;
import dev.pulse.mentions.domain.PageSummary;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The decorator must not change answers: the contract runs twice per query, so the second answer is a cache hit. */
class CachedPageDirectoryContractTest extends PageDirectoryContract {
    private PageDirectory cached;

    @Override
    protected PageDirectory createDirectory(List<PageSummary> pages) {
        InMemoryPageDirectory backend = new InMemoryPageDirectory();
        pages.forEach(backend::put);
        cached = new CachedPageDirectory(
                backend, new InMemoryMentionCache(), () -> Optional.of("v1"), "test", Duration.ofMinutes(1));
        return cached;
    }

    @Override
    protected List<String> ids(String q, int limit) {
        List<String> first = super.ids(q, limit);
        List<String> second = super.ids(q, limit);
        org.assertj.core.api.Assertions.assertThat(second).isEqualTo(first);
        return second;
    }
}
