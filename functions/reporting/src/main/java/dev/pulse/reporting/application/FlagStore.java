package dev.pulse.reporting.application;

import dev.pulse.reporting.domain.JobFlags;
import java.util.Map;
import java.util.Optional;

/** The flags table: each job's switches, changed without a deploy. */
public interface FlagStore {
    /** The job's flags; empty when none are stored (the defaults apply). */
    Optional<JobFlags> read(String job);

    void write(String job, JobFlags flags);

    /** Every stored job's flags, by job name. */
    Map<String, JobFlags> all();
}
