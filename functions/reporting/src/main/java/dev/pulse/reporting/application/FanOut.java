package dev.pulse.reporting.application;

/** What a scheduled run did when it fanned out: accounts to do, already done (a rerun), and shards sent. */
public record FanOut(String status, int accounts, int accountsAlreadyDone, int shards) {
    public static FanOut notEnded() {
        return new FanOut(RunResult.NOT_ENDED, 0, 0, 0);
    }

    public static FanOut switchedOff() {
        return new FanOut(RunResult.SWITCHED_OFF, 0, 0, 0);
    }
}
