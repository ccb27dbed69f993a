package dev.pulse.accounts.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link ReadCache} must do. */
public abstract class ReadCacheContract {
    protected abstract ReadCache cache();

    @Test
    void givenFieldsPut_thenEachIsRead_andOneEvictionDropsThemAll() {
        ReadCache cache = cache();
        String key = "acct:" + UUID.randomUUID();
        cache.put(key, "me", "{\"v\":1}", Duration.ofMinutes(1));
        cache.put(key, "members", "[]", Duration.ofMinutes(1));

        assertThat(cache.get(key, "me")).contains("{\"v\":1}");
        assertThat(cache.get(key, "members")).contains("[]");
        assertThat(cache.get(key, "other")).isEmpty();

        cache.evict(key);
        assertThat(cache.get(key, "me")).isEmpty();
        assertThat(cache.get(key, "members")).isEmpty();
    }
}
