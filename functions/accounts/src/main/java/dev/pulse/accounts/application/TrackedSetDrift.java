package dev.pulse.accounts.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The difference between what account-pages says each page's account set should be and what tracked-pages holds,
 * found one scanned item at a time (the tracked-pages scan is never held in memory), then for the pages the scan never
 * met. Reserved ids (the operators' tracking) are never extra. Safe to call from several scan threads at once.
 */
public final class TrackedSetDrift {
    private final Map<String, Set<String>> expected;
    private final Set<String> reserved;
    private final Set<String> visited = ConcurrentHashMap.newKeySet();

    public TrackedSetDrift(Map<String, Set<String>> expected, Set<String> reserved) {
        this.expected = expected;
        this.reserved = Set.copyOf(reserved);
    }

    /** The fixes for one scanned page: accounts its set lacks, and accounts it holds that track nothing there. */
    public List<Fix> visit(String pageId, Set<String> actual) {
        visited.add(pageId);
        Set<String> want = expected.getOrDefault(pageId, Set.of());
        List<Fix> fixes = new ArrayList<>();
        for (String account : want) {
            if (!actual.contains(account)) {
                fixes.add(new Fix(pageId, account, Fix.Kind.MISSING));
            }
        }
        for (String account : actual) {
            if (!want.contains(account) && !reserved.contains(account)) {
                fixes.add(new Fix(pageId, account, Fix.Kind.EXTRA));
            }
        }
        return fixes;
    }

    /** After the scan: every account of the pages that have no tracked-pages item at all is missing. */
    public List<Fix> unvisited() {
        List<Fix> fixes = new ArrayList<>();
        expected.forEach((page, accounts) -> {
            if (!visited.contains(page)) {
                accounts.forEach(account -> fixes.add(new Fix(page, account, Fix.Kind.MISSING)));
            }
        });
        return fixes;
    }

    /** One account of one page's set that is missing (to ADD) or extra (to DELETE). */
    public record Fix(String pageId, String accountId, Kind kind) {
        /** Which way the set is wrong. */
        public enum Kind {
            MISSING,
            EXTRA
        }
    }
}
