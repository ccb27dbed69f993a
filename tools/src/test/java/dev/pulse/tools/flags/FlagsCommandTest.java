package dev.pulse.tools.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.core.topology.PulseTopology;
import dev.pulse.reporting.domain.JobFlags;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlagsCommandTest {
    @Test
    void givenTheTopology_thenTheJobsAreTheFunctionsThatReadFlags() {
        assertThat(FlagsCommand.jobs())
                .containsExactly(
                        PulseTopology.HOURLY_SNAPSHOTS_FUNCTION,
                        PulseTopology.DAILY_SNAPSHOTS_FUNCTION,
                        PulseTopology.RETENTION_FUNCTION);
    }

    @Test
    void givenOffAndAPace_thenOnlyThoseChange() {
        assertThat(FlagsCommand.apply(new JobFlags(true, 300, 4), List.of("off", "pace=1")))
                .isEqualTo(new JobFlags(false, 300, 1));
    }

    @Test
    void givenABatchOutOfRange_thenItIsRefused() {
        assertThatThrownBy(() -> FlagsCommand.apply(JobFlags.DEFAULTS, List.of("batch=0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batch=0");
    }
}
