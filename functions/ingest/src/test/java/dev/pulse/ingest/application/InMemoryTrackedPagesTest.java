package dev.pulse.ingest.application;

import java.util.Set;

class InMemoryTrackedPagesTest extends TrackedPagesContract {
    @Override
    protected TrackedPages tracking(Set<String> pageIds) {
        InMemoryAdapters.Tracked tracked = new InMemoryAdapters.Tracked();
        tracked.ids.addAll(pageIds);
        return tracked;
    }

    @Override
    protected TrackedPages untrackedByEveryone(Set<String> tracked, Set<String> untracked) {
        // The fake holds only the union of the accounts' sets: an emptied page is simply absent.
        return tracking(tracked);
    }

    @Override
    protected TrackedPages unreadable() {
        InMemoryAdapters.Tracked tracked = new InMemoryAdapters.Tracked();
        tracked.down = true;
        return tracked;
    }
}
