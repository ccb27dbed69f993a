package dev.pulse.mentions.adapter.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.core.cache.RedisClients;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.testing.Unique;
import dev.pulse.mentions.adapter.opensearch.AliasIndexVersion;
import dev.pulse.mentions.adapter.opensearch.OpenSearchPageDirectory;
import dev.pulse.mentions.adapter.opensearch.TestPagesIndex;
import dev.pulse.mentions.application.ContractPages;
import dev.pulse.mentions.application.PageDirectory;
import dev.pulse.mentions.application.PageDirectoryContract;
import dev.pulse.mentions.domain.Matches;
import dev.pulse.mentions.domain.MentionQuery;
import dev.pulse.mentions.domain.PageSummary;
import io.lettuce.core.RedisClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The production stack (OpenSearch behind the Redis cache); every contract query runs twice, the second from Redis. */
class RedisCachedPageDirectoryIT extends PageDirectoryContract {
    private TestPagesIndex index;
    private RedisClient redis;
    private RedisMentionCache cache;
    private PageDirectory directory;

    @Override
    protected PageDirectory createDirectory(List<PageSummary> pages) {
        index = new TestPagesIndex(ContractPages.documents());
        redis = RedisClients.create(LocalPlatform.config().redis());
        cache = new RedisMentionCache(
                redis,
                Unique.name("it-mentions"),
                ConsecutiveFailureBreaker.create(5, Duration.ofSeconds(5), Clock.systemUTC()));
        directory = new CachedPageDirectory(
                new OpenSearchPageDirectory(index.client, index.alias),
                cache,
                new AliasIndexVersion(index.client, index.alias, Duration.ofSeconds(5), Clock.systemUTC()),
                Unique.name("it-mentions"),
                Duration.ofSeconds(60));
        return directory;
    }

    @Override
    protected List<String> ids(String q, int limit) {
        Matches first = directory.find(MentionQuery.of(q, limit));
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> directory.find(MentionQuery.of(q, limit)).source() == Matches.Source.CACHE);
        Matches second = directory.find(MentionQuery.of(q, limit));
        assertThat(second.source()).isEqualTo(Matches.Source.CACHE);
        assertThat(second.pages()).isEqualTo(first.pages());
        return second.pages().stream().map(PageSummary::pageId).toList();
    }

    @Override
    protected void dispose() {
        cache.close();
        redis.shutdown();
        index.close();
    }
}
