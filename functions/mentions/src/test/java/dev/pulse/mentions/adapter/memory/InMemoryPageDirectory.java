package dev.pulse.mentions.adapter.memory;

import dev.pulse.core.text.TextFolding;
import dev.pulse.mentions.application.PageDirectory;
import dev.pulse.mentions.domain.Matches;
import dev.pulse.mentions.domain.MentionQuery;
import dev.pulse.mentions.domain.PageSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The reference implementation of the matching rules, for unit tests and as the executable spec the OpenSearch
 * adapter is held to by the contract suite. Linear scan: fine for thousands of pages, not for millions.
 */
public final class InMemoryPageDirectory implements PageDirectory {
    private static final int TYPO_FROM = 4;
    private static final Comparator<Entry> BY_POPULARITY =
            Comparator.comparingLong((Entry e) -> -e.page.fans()).thenComparing(e -> e.page.pageId());

    private final Map<String, Entry> pages = new ConcurrentHashMap<>();

    public void put(PageSummary page) {
        String folded = TextFolding.fold(page.name());
        pages.put(page.pageId(), new Entry(page, folded, Words.of(folded)));
    }

    public void remove(String pageId) {
        pages.remove(pageId);
    }

    @Override
    public Matches find(MentionQuery query) {
        String typed = query.prefix().text();
        List<String> typedWords = Words.of(typed);
        Map<String, PageSummary> found = new LinkedHashMap<>();
        add(found, e -> e.folded.startsWith(typed), query.limit());
        add(found, e -> allMatch(typedWords, e.words, false), query.limit());
        if (query.prefix().length() >= TYPO_FROM) {
            add(found, e -> allMatch(typedWords, e.words, true), query.limit());
        }
        return new Matches(new ArrayList<>(found.values()), Matches.Source.INDEX);
    }

    private void add(Map<String, PageSummary> found, Predicate<Entry> tier, int limit) {
        pages.values().stream().filter(tier).sorted(BY_POPULARITY).limit(limit).forEach(e -> {
            if (found.size() < limit) {
                found.putIfAbsent(e.page.pageId(), e.page);
            }
        });
    }

    private static boolean allMatch(List<String> typedWords, List<String> words, boolean fuzzy) {
        if (typedWords.isEmpty()) {
            return false;
        }
        for (String typed : typedWords) {
            boolean tolerant = fuzzy && typed.codePointCount(0, typed.length()) >= TYPO_FROM;
            if (words.stream().noneMatch(w -> tolerant ? FuzzyPrefix.matches(typed, w) : w.startsWith(typed))) {
                return false;
            }
        }
        return true;
    }

    private record Entry(PageSummary page, String folded, List<String> words) {}
}
