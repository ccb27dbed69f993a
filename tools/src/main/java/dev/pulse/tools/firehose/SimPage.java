package dev.pulse.tools.firehose;

import dev.pulse.core.domain.PageDocument;
import java.time.Instant;
import java.util.random.RandomGenerator;

/** A simulated page's evolving metadata; every post moves its {@code updated} time strictly forward. */
final class SimPage {
    final String id;
    final String name;
    final String username;
    final String category;
    long fans;
    boolean verified;
    Instant updated = Instant.EPOCH;

    SimPage(String id, String name, String username, String category, long fans) {
        this.id = id;
        this.name = name;
        this.username = username;
        this.category = category;
        this.fans = fans;
    }

    void touch(Instant now, RandomGenerator random) {
        updated = now.isAfter(updated) ? now : updated.plusMillis(1);
        fans += random.nextInt(50) - 10;
        fans = Math.max(0, fans);
        if (random.nextInt(500) == 0) {
            verified = !verified;
        }
    }

    PageDocument snapshot() {
        return new PageDocument(id, name, username, category, fans, verified, updated);
    }
}
