package dev.pulse.mentions.adapter.memory;

import dev.pulse.mentions.application.IndexVersions;
import java.util.Optional;

/** An alias held in memory that can be cut off; like the OpenSearch adapter it keeps the last index it saw. */
public final class InMemoryIndexVersions implements IndexVersions {
    private volatile String target;
    private volatile String lastSeen;
    private volatile boolean down;

    /** Points the alias at {@code index}, as an {@code _aliases} swap would. */
    public void pointAt(String index) {
        target = index;
    }

    /** The backend stops answering. */
    public void goDown() {
        down = true;
    }

    @Override
    public Optional<String> current() {
        String index = target;
        if (!down && index != null) {
            lastSeen = index;
        }
        return Optional.ofNullable(lastSeen);
    }
}
