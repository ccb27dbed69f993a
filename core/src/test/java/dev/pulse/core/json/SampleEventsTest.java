package dev.pulse.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.pulse.core.testing.SampleEvents;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The fixtures in events/ are Lambda's shapes: Lambda's own event classes load every field we rely on. */
class SampleEventsTest {

    @Test
    void kinesisBatch_loadsWithShardSequenceAndData() {
        KinesisEvent event = EventLoader.loadKinesisEvent(SampleEvents.pathString("kinesis-batch.json"));

        assertThat(event.getRecords()).hasSize(2);
        var first = event.getRecords().getFirst();
        assertThat(first.getEventID()).startsWith("shardId-000000000006:");
        assertThat(first.getEventSource()).isEqualTo("aws:kinesis");
        assertThat(first.getKinesis().getSequenceNumber())
                .isEqualTo("49590338271490256608559692538361571095921575989136588898");
        assertThat(StandardCharsets.UTF_8.decode(first.getKinesis().getData()).toString())
                .isEqualTo("Hello, this is a test.");
        assertThat(first.getKinesis().getApproximateArrivalTimestamp()).isNotNull();
    }

    @Test
    void httpPost_loadsMethodBodyAndHeaders() {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(SampleEvents.pathString("http-post.json"));

        assertThat(event.getVersion()).isEqualTo("2.0");
        assertThat(event.getRequestContext().getHttp().getMethod()).isEqualTo("POST");
        assertThat(event.getRequestContext().getStage()).isEqualTo("$default");
        assertThat(event.getBody()).contains("pageId");
        assertThat(event.getHeaders()).containsEntry("content-type", "application/json");
        assertThat(event.getRequestContext().getAuthorizer()).isNull();
    }

    @Test
    void httpPostWithJwt_carriesClaims() {
        APIGatewayV2HTTPEvent event =
                EventLoader.loadApiGatewayHttpEvent(SampleEvents.pathString("http-post-jwt.json"));

        assertThat(event.getRequestContext().getAuthorizer().getJwt().getClaims())
                .containsEntry("sub", "user-1");
    }

    @Test
    void scheduled_loadsDetailTypeAndTime() {
        ScheduledEvent event = EventLoader.loadScheduledEvent(SampleEvents.pathString("scheduled.json"));

        assertThat(event.getDetailType()).isEqualTo("Scheduled Event");
        assertThat(event.getSource()).isEqualTo("aws.events");
        assertThat(event.getTime().getMillis()).isEqualTo(1444323186000L);
    }
}
