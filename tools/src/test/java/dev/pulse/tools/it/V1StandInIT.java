package dev.pulse.tools.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.testing.Unique;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.mentions.application.ContractPages;
import dev.pulse.tools.legacy.V1Api;
import dev.pulse.tools.legacy.V1Command;
import dev.pulse.tools.legacy.V1Server;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The v1 stand-in answers v1's shapes from the same pages index and tables as Pulse's own routes. */
class V1StandInIT {
    private static HttpApiPlatform platform;
    private static V1Server v1;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        platform = new HttpApiPlatform(ContractPages.documents());
        v1 = new V1Server(V1Command.over(
                LocalPlatform.config(),
                platform.dynamo,
                platform.pagesAlias(),
                new V1Command.Tables(
                        platform.table(PulseTopology.ACCOUNTS_TABLE),
                        platform.table(PulseTopology.MEMBERS_TABLE),
                        platform.table(PulseTopology.MEMBERSHIPS_TABLE),
                        platform.table(PulseTopology.REPORTS_TABLE))));
        v1.start(0);
    }

    @AfterAll
    static void stop() {
        if (v1 != null) {
            v1.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    static HttpResponse<String> v1(String pathAndQuery, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(v1.baseUrl() + pathAndQuery));
        if (user != null) {
            request.header(V1Api.USER_HEADER, user);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void givenATerm_whenSearched_thenV1FieldsOfTheNaiveWildcardMatches_stampedPerRequest() throws Exception {
        HttpResponse<String> first = v1(V1Api.SEARCH + "?term=" + enc("new yo") + "&count=5", null);
        HttpResponse<String> second = v1(V1Api.SEARCH + "?term=" + enc("new yo") + "&count=5", null);

        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode body = HttpApiPlatform.json(first);
        assertThat(body.path("status").asText()).isEqualTo("ok");
        assertThat(body.path("term").asText()).isEqualTo("new yo");
        assertThat(body.path("count").asInt()).isEqualTo(5);
        List<String> names = new ArrayList<>();
        body.path("data").forEach(p -> names.add(p.path("page_name").asText()));
        assertThat(names).first().isEqualTo("New York Times");
        JsonNode nyt = body.path("data").get(0);
        assertThat(nyt.path("page_id").asText()).isEqualTo("nyt");
        assertThat(nyt.path("fan_count").asLong()).isEqualTo(5_000_000);
        assertThat(nyt.path("is_verified").asBoolean()).isTrue();
        assertThat(nyt.path("user_name").asText()).isEqualTo("@nyt");
        assertThat(nyt.path("category_name").asText()).isEqualTo("Media");
        assertThat(HttpApiPlatform.json(second).path("request_id").asText())
                .isNotEqualTo(body.path("request_id").asText());
    }

    @Test
    void givenNoTerm_whenSearched_then400InV1sErrorShape() throws Exception {
        HttpResponse<String> response = v1(V1Api.SEARCH + "?count=5", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(HttpApiPlatform.json(response).path("error_code").asText()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void givenAnAccountMadeThroughPulse_whenV1ReadsIt_thenSameAccount_andItsHourlyReports() throws Exception {
        String user = Unique.name("v1user");
        String token = platform.token(user, HttpApiPlatform.READ_WRITE);
        assertThat(platform.send("POST", "/accounts", token, "{\"name\":\"Acme v1\"}")
                        .statusCode())
                .isEqualTo(201);
        JsonNode me = HttpApiPlatform.json(platform.send("GET", "/accounts/me", token, null));
        String accountId = me.path("accountId").asText();
        platform.dynamo.putItem(p -> p.tableName(platform.table(PulseTopology.REPORTS_TABLE))
                .item(Map.of(
                        "accountId", AttributeValue.fromS(accountId),
                        "periodKey", AttributeValue.fromS("hour#2026-12-01T10:00:00Z"),
                        "postCount", AttributeValue.fromN("12"),
                        "engagement", AttributeValue.fromN("340"),
                        "fans", AttributeValue.fromN("5000"))));

        JsonNode account = HttpApiPlatform.json(v1(V1Api.ACCOUNT, user)).path("account");
        JsonNode reports = HttpApiPlatform.json(
                v1(V1Api.HOURLY_REPORTS + "?from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z", user));

        assertThat(account.path("account_id").asText()).isEqualTo(accountId);
        assertThat(account.path("account_name").asText()).isEqualTo("Acme v1");
        assertThat(account.path("plan_name").asText()).isEqualTo(me.path("plan").asText());
        assertThat(account.path("tracked_pages_limit").asInt())
                .isEqualTo(me.path("limits").path("trackedPages").asInt());
        assertThat(reports.path("rows")).hasSize(1);
        assertThat(reports.path("rows").get(0).path("post_count").asLong()).isEqualTo(12);
        assertThat(reports.path("rows").get(0).path("engagement").asLong()).isEqualTo(340);
        assertThat(v1(V1Api.ACCOUNT, Unique.name("nobody")).statusCode()).isEqualTo(404);
        assertThat(v1(V1Api.ACCOUNT, null).statusCode()).isEqualTo(400);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
