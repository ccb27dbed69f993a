package dev.pulse.mentions.application;

import java.util.Optional;

/** Names the index version currently behind the alias, or nothing when it cannot be known right now. */
@FunctionalInterface
public interface IndexVersions {
    Optional<String> current();
}
