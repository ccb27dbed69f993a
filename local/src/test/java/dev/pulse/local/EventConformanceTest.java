package dev.pulse.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.core.json.Json;
import dev.pulse.core.testing.SampleEvents;
import dev.pulse.core.topology.RouteSpec;
import dev.pulse.local.auth.JwtAuthorizer;
import dev.pulse.local.http.HttpEventFactory;
import dev.pulse.local.http.HttpRequestData;
import dev.pulse.local.http.RouteTable;
import dev.pulse.local.kinesis.KinesisEventFactory;
import dev.pulse.local.kinesis.StreamRecord;
import dev.pulse.local.schedule.ScheduledEventFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulator's events against Lambda's sample events in {@code events/} (aws-lambda-java-tests 1.1.2 ships no sample
 * JSON, only {@code EventLoader}): fed the inputs behind each sample, the emulator must produce the same JSON, field
 * by field, and the same typed event once loaded through {@code EventLoader} (Lambda's own serializers).
 */
class EventConformanceTest {
    /** Exact decimals, so 1545084650.987 compares as written. */
    private static final ObjectMapper EXACT =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @TempDir
    Path temp;

    private static JsonNode sample(String name) throws IOException {
        return EXACT.readTree(Files.readString(SampleEvents.path(name)));
    }

    private static JsonNode exact(JsonNode node) throws IOException {
        return EXACT.readTree(Json.write(node));
    }

    private String file(JsonNode node) throws IOException {
        Path file = Files.createTempFile(temp, "event", ".json");
        Files.writeString(file, Json.write(node));
        return file.toString();
    }

    private static HttpRequestData sampleRequest(String method, String path, String query, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("accept", List.of("application/json"));
        headers.put("content-length", List.of(Integer.toString(body.length)));
        headers.put("host", List.of("r3pmxmplak.execute-api.us-east-2.amazonaws.com"));
        headers.put("user-agent", List.of("Mozilla/5.0"));
        headers.put("x-amzn-trace-id", List.of("Root=1-5e6722a7-cc56xmpl46db7ae02d4da47e"));
        headers.put("x-forwarded-for", List.of("205.255.255.176"));
        headers.put("x-forwarded-port", List.of("443"));
        headers.put("x-forwarded-proto", List.of("https"));
        return new HttpRequestData(method, path, query, "HTTP/1.1", "205.255.255.176", headers, body);
    }

    private static ObjectNode httpEvent(HttpRequestData request, String routeKey, Optional<ObjectNode> authorizer) {
        String[] route = routeKey.split(" ");
        RouteTable routes = new RouteTable(List.of(new RouteSpec(route[0], route[1], "fn", authorizer.isPresent())));
        return new HttpEventFactory("123456789012", "r3pmxmplak")
                .event(
                        request,
                        routes.match(request.method(), request.rawPath()).orElseThrow(),
                        "JKJaXmPLvHcESHA=",
                        Instant.ofEpochMilli(1583817383220L),
                        authorizer);
    }

    @Test
    void givenSampleGetRequest_whenConverted_thenEqualsHttpApiV2SampleFieldByField() throws IOException {
        HttpRequestData request = sampleRequest("GET", "/mentions", "q=new%20yo&limit=5", new byte[0]);
        request.headers().put("cookie", List.of("session=abc123"));

        ObjectNode event = httpEvent(request, "GET /mentions", Optional.empty());

        assertThat(exact(event)).isEqualTo(sample("http-get.json"));
        assertThat(EventLoader.loadApiGatewayHttpEvent(file(event)))
                .usingRecursiveComparison()
                .isEqualTo(EventLoader.loadApiGatewayHttpEvent(SampleEvents.pathString("http-get.json")));
    }

    @Test
    void givenSamplePostRequest_whenConverted_thenEqualsSampleWithTextBody() throws IOException {
        byte[] body = "{\"pageId\":\"1234567890123\"}".getBytes(StandardCharsets.UTF_8);
        HttpRequestData request = sampleRequest("POST", "/tracked-pages", null, body);
        request.headers().put("content-type", List.of("application/json"));

        ObjectNode event = httpEvent(request, "POST /tracked-pages", Optional.empty());

        assertThat(exact(event)).isEqualTo(sample("http-post.json"));
    }

    @Test
    void givenSampleClaims_whenAuthorized_thenEqualsJwtSampleIncludingAuthorizer() throws IOException {
        HttpRequestData request = sampleRequest("GET", "/accounts/me", null, new byte[0]);
        request.headers().put("cookie", List.of("session=abc123"));
        request.headers().put("authorization", List.of("Bearer eyJhbGciOiJSUzI1NiJ9.example.signature"));
        ObjectNode claims = (ObjectNode) EXACT.readTree("""
                {"sub":"user-1","account":"acct-1",
                 "iss":"https://cognito-idp.us-east-2.amazonaws.com/us-east-2_example","aud":"pulse-web",
                 "exp":1583820983,"iat":1583817383,"scope":"pulse/read pulse/write"}""");

        ObjectNode event = httpEvent(request, "GET /accounts/me", Optional.of(JwtAuthorizer.authorizerContext(claims)));

        assertThat(exact(event)).isEqualTo(sample("http-get-jwt.json"));
        APIGatewayV2HTTPEvent typed = EventLoader.loadApiGatewayHttpEvent(file(event));
        assertThat(typed.getRequestContext().getAuthorizer().getJwt().getScopes())
                .containsExactly("pulse/read", "pulse/write");
    }

    @Test
    void givenSampleRecords_whenBatched_thenEqualsKinesisSampleFieldByField() throws IOException {
        String shard = "shardId-000000000006";
        List<StreamRecord> records = List.of(
                new StreamRecord(
                        shard,
                        "49590338271490256608559692538361571095921575989136588898",
                        "1",
                        "Hello, this is a test.".getBytes(StandardCharsets.UTF_8),
                        Instant.ofEpochMilli(1545084650987L)),
                new StreamRecord(
                        shard,
                        "49590338271490256608559692540925702759324208523137515618",
                        "1",
                        "This is only a test.".getBytes(StandardCharsets.UTF_8),
                        Instant.ofEpochMilli(1545084711166L)));

        ObjectNode event = new KinesisEventFactory(
                        "us-east-2",
                        "arn:aws:kinesis:us-east-2:123456789012:stream/lambda-stream",
                        "arn:aws:iam::123456789012:role/lambda-role")
                .event(records);

        assertThat(exact(event)).isEqualTo(sample("kinesis-batch.json"));
        KinesisEvent typed = EventLoader.loadKinesisEvent(file(event));
        assertThat(typed)
                .usingRecursiveComparison()
                .isEqualTo(EventLoader.loadKinesisEvent(SampleEvents.pathString("kinesis-batch.json")));
        assertThat(typed.getRecords()
                        .get(1)
                        .getKinesis()
                        .getApproximateArrivalTimestamp()
                        .getTime())
                .isEqualTo(1545084711166L);
    }

    @Test
    void givenScheduleFiring_whenBuilt_thenEqualsScheduledSampleExceptItsUniqueId() throws IOException {
        ObjectNode event = new ScheduledEventFactory("us-east-1", "123456789012")
                .event("my-scheduled-rule", ZonedDateTime.parse("2015-10-08T16:53:06Z"));

        ObjectNode expected = (ObjectNode) sample("scheduled.json");
        assertThat(event.get("id").asText()).matches("[0-9a-f-]{36}");
        expected.put("id", event.get("id").asText());
        assertThat(exact(event)).isEqualTo(expected);
        ScheduledEvent typed = EventLoader.loadScheduledEvent(file(event));
        assertThat(typed.getDetailType()).isEqualTo("Scheduled Event");
        assertThat(typed.getResources())
                .containsExactly("arn:aws:events:us-east-1:123456789012:rule/my-scheduled-rule");
    }
}
