package dev.pulse.reporting.application;

import java.util.List;

/** What a retention run deleted, or in a dry run would have deleted. */
public record RetentionResult(String status, boolean dryRun, List<String> expired, List<String> kept) {
    public RetentionResult {
        expired = List.copyOf(expired);
        kept = List.copyOf(kept);
    }
}
