package dev.pulse.reporting.application;

import dev.pulse.reporting.domain.Window;

/** The job's dead-letter queue, for one account that failed while the others went on. */
public interface DeadLetters {
    void accountFailed(String job, Window window, String accountId, String error);
}
