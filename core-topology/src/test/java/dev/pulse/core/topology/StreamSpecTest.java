package dev.pulse.core.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamSpecTest {
    private static final Duration DAY = Duration.ofHours(24);

    @Test
    void postsStream_isProvisionedPerStageAndKeptADay() {
        StreamSpec posts = PulseTopology.define().streams().getFirst();

        assertThat(posts.capacityIn(Stage.DEV)).isEqualTo(StreamCapacity.provisioned(1));
        assertThat(posts.capacityIn(Stage.PROD)).isEqualTo(StreamCapacity.provisioned(16));
        assertThat(posts.retention()).isEqualTo(DAY);
        assertThat(posts.localShards()).isEqualTo(4);
    }

    @Test
    void givenAStageWithoutCapacity_thenRejected() {
        assertThatThrownBy(() -> new StreamSpec("s1", 1, Map.of(Stage.DEV, StreamCapacity.ON_DEMAND), DAY))
                .hasMessageContaining("no capacity for stage prod");
    }

    @Test
    void givenUniformCapacity_thenEveryStageHasIt() {
        StreamSpec spec = StreamSpec.uniform("s1", 2, StreamCapacity.ON_DEMAND, DAY);

        for (Stage stage : Stage.values()) {
            assertThat(spec.capacityIn(stage).onDemand()).as(stage.id()).isTrue();
        }
    }

    @Test
    void givenRetentionOutsideKinesisLimitsOrNotWholeHours_thenRejected() {
        StreamCapacity one = StreamCapacity.provisioned(1);
        assertThatThrownBy(() -> StreamSpec.uniform("s1", 1, one, Duration.ofHours(23)))
                .hasMessageContaining("24-8760");
        assertThatThrownBy(() -> StreamSpec.uniform("s1", 1, one, Duration.ofHours(8761)))
                .hasMessageContaining("24-8760");
        assertThatThrownBy(() -> StreamSpec.uniform("s1", 1, one, Duration.ofMinutes(24 * 60 + 30)))
                .hasMessageContaining("whole hours");
        assertThat(StreamSpec.uniform("s1", 1, one, Duration.ofDays(365)).retention())
                .isEqualTo(Duration.ofHours(8760));
    }

    @Test
    void givenNoLocalShard_thenRejected() {
        assertThatThrownBy(() -> StreamSpec.uniform("s1", 0, StreamCapacity.ON_DEMAND, DAY))
                .hasMessageContaining("local shard");
    }

    @Test
    void givenAProvisionedStreamWithoutShards_capacityIsRejected() {
        assertThatThrownBy(() -> StreamCapacity.provisioned(0)).hasMessageContaining("shard");
        assertThatThrownBy(() -> new StreamCapacity(true, 4)).hasMessageContaining("on-demand");
    }

    @Test
    void stage_isNamedByItsIdInAnyCase_andAnUnknownOneNamesTheChoices() {
        assertThat(Stage.named("PROD")).isEqualTo(Stage.PROD);
        assertThat(Stage.DEV.id()).isEqualTo("dev");
        assertThatThrownBy(() -> Stage.named("staging"))
                .hasMessageContaining("unknown environment 'staging'")
                .hasMessageContaining("dev or prod");
    }
}
