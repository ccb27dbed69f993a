package dev.pulse.reporting.application;

/**
 * What one snapshot run did: accounts written, already done (a resumed run), failed (sent to the dead-letter queue),
 * pages, bad data skipped, search requests made, and its status: complete, stopped early (switched off during the
 * run, or out of time), or nothing done (switched off, or a window that has not ended yet).
 */
public record RunResult(
        String status,
        int accountsWritten,
        int accountsAlreadyDone,
        int accountsFailed,
        int pages,
        int unknownPages,
        long skippedPosts,
        long searchRequests) {
    public static final String COMPLETE = "complete";
    /** The job's flag was off: nothing done. */
    public static final String SWITCHED_OFF = "switched_off";
    /** The flag went off during the run: stopped between batches, the rest resumes on the next run. */
    public static final String STOPPED = "stopped";
    /** Lambda's time was running out: the rest resumes on the retry. */
    public static final String OUT_OF_TIME = "out_of_time";

    /** The window had not ended at the job's now: nothing done (a partial period is never snapshotted). */
    public static final String NOT_ENDED = "not_ended";

    public static RunResult notEnded() {
        return new RunResult(NOT_ENDED, 0, 0, 0, 0, 0, 0, 0);
    }

    public static RunResult switchedOff() {
        return new RunResult(SWITCHED_OFF, 0, 0, 0, 0, 0, 0, 0);
    }
}
