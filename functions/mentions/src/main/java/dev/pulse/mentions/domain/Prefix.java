package dev.pulse.mentions.domain;

import dev.pulse.core.text.TextFolding;

/**
 * What the user has typed so far, folded the way the index folds names (case, accents, whitespace). It is the unit of
 * matching and the cache key, so "Café" and "cafe " share one cache entry.
 */
public record Prefix(String text) {
    public Prefix {
        if (text == null || text.isBlank()) {
            throw new InvalidQueryException("invalid_query", "q must not be blank");
        }
        if (!text.equals(TextFolding.fold(text))) {
            throw new IllegalArgumentException("prefix must be folded: '" + text + "'");
        }
    }

    public static Prefix fold(String typed) {
        return new Prefix(TextFolding.fold(typed == null ? "" : typed));
    }

    /** Length in code points, so an emoji or a CJK ideograph counts as one character typed. */
    public int length() {
        return text.codePointCount(0, text.length());
    }
}
