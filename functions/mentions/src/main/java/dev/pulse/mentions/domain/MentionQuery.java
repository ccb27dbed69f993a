package dev.pulse.mentions.domain;

import dev.pulse.core.text.TextFolding;

/** A validated autocomplete request: the query as typed (without a leading {@code @}), its folded prefix, a limit. */
public record MentionQuery(String query, Prefix prefix, int limit) {
    public static final int DEFAULT_LIMIT = 8;
    public static final int MAX_LIMIT = 20;
    public static final int MAX_QUERY_LENGTH = 100;

    public MentionQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidQueryException("invalid_limit", "limit must be between 1 and " + MAX_LIMIT);
        }
    }

    public static MentionQuery of(String text, int limit) {
        return parse(text, Integer.toString(limit));
    }

    /** Parses the raw {@code q} and {@code limit} parameters; either may be null (absent). */
    public static MentionQuery parse(String q, String limit) {
        if (q == null || q.isBlank()) {
            throw new InvalidQueryException("invalid_query", "q is required");
        }
        if (TextFolding.hasControlCharacters(q)) {
            throw new InvalidQueryException("invalid_query", "q must not contain control characters");
        }
        String typed = q.strip();
        if (typed.startsWith("@")) {
            typed = typed.substring(1).strip();
        }
        if (typed.codePointCount(0, typed.length()) > MAX_QUERY_LENGTH) {
            throw new InvalidQueryException("invalid_query", "q must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        if (typed.isEmpty()) {
            throw new InvalidQueryException("invalid_query", "q must contain more than '@'");
        }
        return new MentionQuery(typed, Prefix.fold(typed), parseLimit(limit));
    }

    private static int parseLimit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            throw new InvalidQueryException("invalid_limit", "limit must be an integer between 1 and " + MAX_LIMIT);
        }
    }
}
