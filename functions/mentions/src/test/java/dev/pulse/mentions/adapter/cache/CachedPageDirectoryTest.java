package dev.pulse.mentions.adapter.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.mentions.adapter.memory.InMemoryPageDirectory;
import dev.pulse.mentions.application.MentionCache;
import dev.pulse.mentions.application.PageDirectory;
import dev.pulse.mentions.domain.DirectoryUnavailableException;
import dev.pulse.mentions.domain.Matches;
import dev.pulse.mentions.domain.MentionQuery;
import dev.pulse.mentions.domain.PageSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachedPageDirectoryTest {
    private final InMemoryPageDirectory pages = new InMemoryPageDirectory();
    private final AtomicInteger backendCalls = new AtomicInteger();
    private volatile boolean backendDown;
    private final PageDirectory backend = query -> {
        backendCalls.incrementAndGet();
        if (backendDown) {
            throw new DirectoryUnavailableException("down", null);
        }
        return pages.find(query);
    };
    private final InMemoryMentionCache cache = new InMemoryMentionCache();
    private volatile Optional<String> version = Optional.of("pages-v1");
    private final CachedPageDirectory directory =
            new CachedPageDirectory(backend, cache, () -> version, "mentions", Duration.ofSeconds(90));

    CachedPageDirectoryTest() {
        pages.put(new PageSummary("nike", "Nike", "nike", "Brand", 30_000_000, true));
    }

    @Test
    void givenRepeatedPrefix_whenAskedTwice_thenSecondFromCacheWithTtl() {
        assertThat(directory.find(MentionQuery.of("ni", 8)).source()).isEqualTo(Matches.Source.INDEX);
        Matches second = directory.find(MentionQuery.of("NI", 8));

        assertThat(second.source()).isEqualTo(Matches.Source.CACHE);
        assertThat(second.pages()).extracting(PageSummary::pageId).containsExactly("nike");
        assertThat(backendCalls).hasValue(1);
        assertThat(cache.ttls).containsEntry("mentions:pages-v1:8:ni", Duration.ofSeconds(90));
    }

    @Test
    void givenDifferentLimit_whenAsked_thenSeparateEntry() {
        directory.find(MentionQuery.of("ni", 8));
        assertThat(directory.find(MentionQuery.of("ni", 3)).source()).isEqualTo(Matches.Source.INDEX);
    }

    @Test
    void givenAliasSwapped_whenAsked_thenOldEntriesRetired() {
        directory.find(MentionQuery.of("ni", 8));
        version = Optional.of("pages-v2");

        assertThat(directory.find(MentionQuery.of("ni", 8)).source()).isEqualTo(Matches.Source.INDEX);
        assertThat(backendCalls).hasValue(2);
    }

    @Test
    void givenCachedPrefix_whenIndexDown_thenServedFromCache() {
        directory.find(MentionQuery.of("ni", 8));
        backendDown = true;

        assertThat(directory.find(MentionQuery.of("ni", 8)).source()).isEqualTo(Matches.Source.CACHE);
        assertThatThrownBy(() -> directory.find(MentionQuery.of("nik", 8)))
                .isInstanceOf(DirectoryUnavailableException.class);
    }

    @Test
    void givenVersionUnknownLocally_whenIndexDown_thenRememberedVersionStillKeysTheCache() {
        directory.find(MentionQuery.of("ni", 8));
        backendDown = true;
        version = Optional.empty(); // a cold instance that cannot reach OpenSearch

        assertThat(directory.find(MentionQuery.of("ni", 8)).source()).isEqualTo(Matches.Source.CACHE);
    }

    @Test
    void givenCachedPrefix_whenCacheDown_thenServesFromIndex() {
        directory.find(MentionQuery.of("ni", 8));
        cache.down = true;

        Matches answer = directory.find(MentionQuery.of("ni", 8));

        assertThat(answer.source()).isEqualTo(Matches.Source.INDEX);
        assertThat(answer.pages()).extracting(PageSummary::pageId).containsExactly("nike");
    }

    @Test
    void givenAnotherInstanceFillingTheKey_whenMissed_thenItsAnswerIsServedWithoutAnIndexQuery() {
        List<PageSummary> theirs = pages.find(MentionQuery.of("ni", 8)).pages();
        AtomicInteger gets = new AtomicInteger();
        MentionCache otherInstanceFills = new OtherInstanceFilling(cache) {
            @Override
            public Optional<List<PageSummary>> get(String key) {
                // Missing when first asked; the other instance's answer lands while this one waits.
                return gets.incrementAndGet() < 3 ? Optional.empty() : Optional.of(theirs);
            }
        };
        CachedPageDirectory waiting =
                new CachedPageDirectory(backend, otherInstanceFills, () -> version, "mentions", Duration.ofSeconds(90));

        Matches answer = waiting.find(MentionQuery.of("ni", 8));

        assertThat(answer.source()).isEqualTo(Matches.Source.CACHE);
        assertThat(answer.pages()).isEqualTo(theirs);
        assertThat(backendCalls).hasValue(0);
    }

    @Test
    void givenAnotherInstanceNeverFills_whenTheWaitEnds_thenTheIndexAnswers() {
        CachedPageDirectory waiting = new CachedPageDirectory(
                backend, new OtherInstanceFilling(cache), () -> version, "mentions", Duration.ofSeconds(90));

        Matches answer = waiting.find(MentionQuery.of("ni", 8));

        assertThat(answer.source()).isEqualTo(Matches.Source.INDEX);
        assertThat(answer.pages()).extracting(PageSummary::pageId).containsExactly("nike");
        assertThat(backendCalls).hasValue(1);
    }

    @Test
    void givenAMiss_whenFilled_thenTheFillWasClaimedUnderItsOwnKey() {
        directory.find(MentionQuery.of("ni", 8));

        assertThat(cache.claims).containsExactly("mentions:fill:pages-v1:8:ni");
        assertThat(cache.entries).containsOnlyKeys("mentions:pages-v1:8:ni");
    }

    /** A cache in which every fill is already claimed by another instance. */
    private static class OtherInstanceFilling implements MentionCache {
        private final MentionCache delegate;

        OtherInstanceFilling(MentionCache delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<List<PageSummary>> get(String key) {
            return delegate.get(key);
        }

        @Override
        public void put(String key, List<PageSummary> pages, Duration ttl) {
            delegate.put(key, pages, ttl);
        }

        @Override
        public boolean claim(String key, Duration ttl) {
            return false;
        }

        @Override
        public void rememberVersion(String version) {
            delegate.rememberVersion(version);
        }

        @Override
        public Optional<String> recallVersion() {
            return delegate.recallVersion();
        }
    }

    @Test
    void givenConcurrentMisses_whenSameKey_thenOneBackendCall() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        PageDirectory slow = query -> {
            calls.incrementAndGet();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return pages.find(query);
        };
        CachedPageDirectory collapsing = new CachedPageDirectory(
                slow, new InMemoryMentionCache(), () -> version, "mentions", Duration.ofSeconds(90));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Matches>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> collapsing.find(MentionQuery.of("ni", 8))));
            }
            org.awaitility.Awaitility.await().until(() -> calls.get() >= 1);
            Thread.sleep(200); // give the other seven time to arrive while the first is still in flight
            release.countDown();
            for (Future<Matches> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS).pages()).hasSize(1);
            }
            assertThat(calls).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
