package dev.pulse.mentions.adapter.cache;

import dev.pulse.core.testing.SteppedClock;
import dev.pulse.mentions.application.MentionCache;
import dev.pulse.mentions.application.MentionCacheContract;
import java.time.Duration;

class InMemoryMentionCacheTest extends MentionCacheContract {
    private final SteppedClock clock = new SteppedClock();

    @Override
    protected MentionCache createCache() {
        return new InMemoryMentionCache(clock);
    }

    @Override
    protected MentionCache createUnreachableCache() {
        InMemoryMentionCache cache = new InMemoryMentionCache(clock);
        cache.down = true;
        return cache;
    }

    @Override
    protected void advance(Duration duration) {
        clock.advance(duration);
    }
}
