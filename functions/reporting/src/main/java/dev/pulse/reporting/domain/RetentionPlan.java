package dev.pulse.reporting.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Which daily posts indices ({@code PREFIX-YYYY.MM.DD}) are past their retention: older than {@code days} days before
 * today, and never today's or yesterday's, whatever {@code days} says. Names that are not a daily index are kept.
 */
public record RetentionPlan(String prefix, int days) {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu.MM.dd");

    public RetentionPlan {
        if (days < 0) {
            throw new IllegalArgumentException("retention days must not be negative, was " + days);
        }
    }

    /** The indices to delete among {@code indices}, in name order. */
    public List<String> expired(List<String> indices, LocalDate today) {
        // At least one day back: yesterday's index still takes late posts and the daily snapshot reads it.
        LocalDate oldestKept = today.minusDays(Math.max(days, 1));
        return indices.stream()
                .filter(name -> day(name).filter(d -> d.isBefore(oldestKept)).isPresent())
                .sorted()
                .toList();
    }

    private Optional<LocalDate> day(String index) {
        String head = prefix + "-";
        if (!index.startsWith(head)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(index.substring(head.length()), DAY));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
