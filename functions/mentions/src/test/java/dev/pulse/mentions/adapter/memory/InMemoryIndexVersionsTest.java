package dev.pulse.mentions.adapter.memory;

import dev.pulse.mentions.application.IndexVersions;
import dev.pulse.mentions.application.IndexVersionsContract;

class InMemoryIndexVersionsTest extends IndexVersionsContract {
    private final InMemoryIndexVersions versions = new InMemoryIndexVersions();

    @Override
    protected void pointAlias(String index) {
        versions.pointAt(index);
    }

    @Override
    protected IndexVersions versions() {
        return versions;
    }

    @Override
    protected void cutBackend() {
        versions.goDown();
    }

    @Override
    protected IndexVersions neverReachable() {
        InMemoryIndexVersions unreachable = new InMemoryIndexVersions();
        unreachable.goDown();
        unreachable.pointAt(alias + "-v2");
        return unreachable;
    }
}
