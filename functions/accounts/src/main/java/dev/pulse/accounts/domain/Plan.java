package dev.pulse.accounts.domain;

import java.util.Locale;

/** What an account pays for: the number of pages it may track. */
public enum Plan {
    FREE(10),
    PRO(100),
    AGENCY(1_000);

    private final int trackedPagesLimit;

    Plan(int trackedPagesLimit) {
        this.trackedPagesLimit = trackedPagesLimit;
    }

    public int trackedPagesLimit() {
        return trackedPagesLimit;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Plan parse(String text) {
        for (Plan plan : values()) {
            if (plan.wire().equals(text)) {
                return plan;
            }
        }
        throw new InvalidInputException("plan", "must be free, pro or agency");
    }
}
