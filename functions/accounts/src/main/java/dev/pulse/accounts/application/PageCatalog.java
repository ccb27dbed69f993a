package dev.pulse.accounts.application;

import dev.pulse.accounts.domain.PageId;
import java.util.Collection;
import java.util.Map;

/** The pages index, read-only: whether a page exists, and its current name and fans. */
public interface PageCatalog {
    /** The pages among {@code ids} that the index holds. */
    Map<PageId, PageInfo> find(Collection<PageId> ids);

    /** A page's current public figures. */
    record PageInfo(String name, long fans) {}
}
