package dev.pulse.tools.it;

import static dev.pulse.tools.it.ContractClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.config.OpenSearchSettings;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.domain.PageDocument;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.testing.Unique;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.RouteSpec;
import dev.pulse.local.http.HttpApiServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * docs/openapi.yaml against the real API: mentions and accounts behind the local API emulator and its JWT authorizer,
 * every route driven into each status it documents (but the 500s), every answer validated against the operation's
 * schema for that status; and the spec's routes and scopes are exactly the topology's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiContractIT {
    private static final String READ = PulseTopology.ACCOUNTS_READ_SCOPE;
    private static final String WRITE = PulseTopology.ACCOUNTS_WRITE_SCOPE;
    private static final String BOTH = READ + " " + WRITE;
    /** More pages than the free plan's 10, so the limit can be reached. */
    private static final List<String> PAGES =
            IntStream.rangeClosed(1, 12).mapToObj(i -> "71000" + (10 + i)).toList();

    private final OpenApiContract spec = OpenApiContract.load();
    private final ContractClient client = new ContractClient(spec);
    private HttpApiPlatform platform;
    private String api;
    private String dynamoDown;
    private String searchDown;

    @BeforeAll
    void start() throws Exception {
        List<PageDocument> pages = new ArrayList<>();
        for (int i = 0; i < PAGES.size(); i++) {
            pages.add(new PageDocument(
                    PAGES.get(i), "Contract Page " + i, "contract" + i, "Media", 1000L * i, i % 2 == 0, Instant.EPOCH));
        }
        platform = new HttpApiPlatform(pages);
        api = platform.serve(Map.of());
        dynamoDown =
                platform.serve(Map.of(PulseConfig.DYNAMODB_ENDPOINT, "http://127.0.0.1:" + LocalPlatform.closedPort()));
        searchDown =
                platform.serve(Map.of(OpenSearchSettings.ENDPOINT, "http://127.0.0.1:" + LocalPlatform.closedPort()));
    }

    @AfterAll
    void stop() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void theSpecIsOpenApi31_andHasExactlyTheTopologysRoutesAndScopes() {
        assertThat(spec.version()).startsWith("3.1");
        assertThat(spec.parseMessages()).isEmpty();
        List<OpenApiContract.Op> routes =
                spec.operations().stream().filter(op -> !op.localOnly()).toList();
        assertThat(routes.stream().map(OpenApiContract.Op::key))
                .containsExactlyInAnyOrderElementsOf(platform.topology.routes().stream()
                        .map(RouteSpec::routeKey)
                        .toList());
        for (RouteSpec route : platform.topology.routes()) {
            OpenApiContract.Op op = routes.stream()
                    .filter(o -> o.key().equals(route.routeKey()))
                    .findFirst()
                    .orElseThrow();
            assertThat(op.authorized()).as(route.routeKey()).isEqualTo(route.authorized());
            assertThat(new HashSet<>(op.scopes())).as(route.routeKey()).isEqualTo(new HashSet<>(route.scopes()));
        }
        assertThat(spec.operations().stream()
                        .filter(OpenApiContract.Op::localOnly)
                        .map(OpenApiContract.Op::key))
                .containsExactly("GET " + HttpApiServer.JWKS_PATH);
    }

    @Test
    @Order(2)
    void mentions_answersSuggestionsFromIndexThenCache_andEachRefusal() {
        JsonNode first = json(mentions(api, "q=contract").expect(200));
        assertThat(first.path("results").size()).isEqualTo(8);
        assertThat(first.path("source").asText()).isEqualTo("index");
        assertThat(json(mentions(api, "q=contract").expect(200)).path("source").asText())
                .isEqualTo("cache");
        assertThat(json(mentions(api, "q=%40contract%20page&limit=2").expect(200))
                        .path("results")
                        .size())
                .isEqualTo(2);
        mentions(api, null).expectError(400, "invalid_query");
        mentions(api, "q=%40").expectError(400, "invalid_query");
        mentions(api, "q=" + "a".repeat(101)).expectError(400, "invalid_query");
        mentions(api, "q=ab&limit=0").expectError(400, "invalid_limit");
        mentions(api, "q=ab&limit=many").expectError(400, "invalid_limit");
        mentions(searchDown, "q=" + Unique.name("uncached")).expectError(503, "search_unavailable");
    }

    @Test
    @Order(2)
    void jwks_servesTheAuthorizersKey() {
        JsonNode jwks = json(client.call(api, "GET", HttpApiServer.JWKS_PATH).expect(200));
        assertThat(jwks.path("keys").size()).isEqualTo(1);
        assertThat(jwks.path("keys").get(0).path("kid").asText()).isEqualTo(platform.keyId());
    }

    @Test
    @Order(2)
    void everyAccountsRoute_answersTheAuthorizersAndTheTenancysRefusals() {
        for (RouteSpec route : accountsRoutes()) {
            sample(route, api, null).expectGateway(401, "Unauthorized");
            String wrongKey =
                    platform.strangers.issue(Unique.name("u"), null, BOTH, Instant.now(), Duration.ofHours(1));
            sample(route, api, wrongKey).expectGateway(401, "Unauthorized");
            String expired = platform.tokens.issue(
                    Unique.name("u"), null, BOTH, Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1));
            sample(route, api, expired).expectGateway(401, "Unauthorized");
            String otherScope = route.scopes().contains(READ) ? WRITE : READ;
            sample(route, api, platform.token(Unique.name("u"), otherScope)).expectGateway(403, "Forbidden");
            sample(route, api, platform.tokenWithoutSubject(BOTH)).expectError(401, "unauthorized");
            sample(route, api, platform.token("not a user id", BOTH)).expectError(400, "invalid_userid");
            sample(route, dynamoDown, platform.token(Unique.name("u"), BOTH)).expectError(503, "storage_unavailable");
            if (!route.routeKey().equals("POST /accounts")) {
                sample(route, api, platform.token(Unique.name("nobody"), BOTH)).expectError(404, "not_found");
            }
        }
    }

    @Test
    @Order(2)
    void createAccount_isIdempotentPerKey_andRefusesBadInput() {
        String ada = platform.token(Unique.name("ada"), BOTH);
        String key = Unique.name("key");
        HttpResponse<String> created = create(ada, key, "{\"name\":\"Acme\"}").expect(201);
        assertThat(created.headers().firstValue("etag")).contains("\"1\"");
        JsonNode account = json(created);
        assertThat(account.path("plan").asText()).isEqualTo("free");
        assertThat(json(create(ada, key, "{\"name\":\"Acme\"}").expect(201)).path("accountId"))
                .isEqualTo(account.path("accountId"));
        create(ada, Unique.name("key"), "{\"name\":\"Second\"}").expectError(409, "already_member");

        String bob = platform.token(Unique.name("bob"), BOTH);
        create(bob, null, "{\"name\":\"Acme\"}").expectError(400, "invalid_idempotency_key");
        create(bob, "has space", "{\"name\":\"Acme\"}").expectError(400, "invalid_idempotency_key");
        for (String body : List.of("not json", "[]", "{}", "{\"name\":7}")) {
            String code = body.equals("{}") || body.contains("7") ? "invalid_name" : "invalid_body";
            refusedBody(create(bob, Unique.name("k"), body), code);
        }
        refusedBody(create(bob, Unique.name("k"), "{\"name\":\"A\",\"plan\":\"pro\"}"), "invalid_plan");
        refusedBody(create(bob, Unique.name("k"), "{\"name\":\"\"}"), "invalid_name");
        refusedBody(create(bob, Unique.name("k"), "{\"name\":\"" + "n".repeat(101) + "\"}"), "invalid_name");
        refusedBody(create(bob, Unique.name("k"), "{\"name\":\"a\\u0007b\"}"), "invalid_name");
        create(bob, Unique.name("k"), "{\"name\":\"" + "n".repeat(17_000) + "\"}")
                .expectError(400, "invalid_body");
        create(bob, Unique.name("k"), hugeBody()).expectGateway(413, "Request Entity Too Large");
        assertThat(spec.requestViolations("POST", "/accounts", "{\"name\":\"Acme\"}"))
                .isEmpty();
    }

    @Test
    @Order(2)
    void patchAccount_needsTheCurrentEtag_andAWriter() {
        Team team = team();
        HttpResponse<String> mine =
                client.call(api, "GET", "/accounts/me").token(team.owner).expect(200);
        String etag = mine.headers().firstValue("etag").orElseThrow();
        HttpResponse<String> renamed =
                patch(team.owner, etag, "{\"name\":\"Renamed\"}").expect(200);
        assertThat(renamed.headers().firstValue("etag")).contains("\"2\"");
        assertThat(json(renamed).path("name").asText()).isEqualTo("Renamed");
        patch(team.editor, etag, "{\"name\":\"Stale\"}").expectError(412, "precondition_failed");
        patch(team.owner, null, "{\"name\":\"No etag\"}").expectError(428, "precondition_required");
        patch(team.owner, "\"two\"", "{\"name\":\"Bad etag\"}").expectError(400, "invalid_if_match");
        patch(team.viewer, "\"2\"", "{\"name\":\"Viewer\"}").expectError(403, "forbidden");
        refusedBody(patch(team.owner, "\"2\"", "{\"name\":\"x\",\"settings\":{}}"), "invalid_settings");
        // Blank is refused by the function; the schema says so only in words (minLength counts the spaces).
        patch(team.owner, "\"2\"", "{\"name\":\"   \"}").expectError(400, "invalid_name");
        patch(team.owner, "\"2\"", hugeBody()).expectGateway(413, "Request Entity Too Large");
    }

    @Test
    @Order(2)
    void members_onlyAnOwnerChangesTheTeam_andItKeepsAnOwner() {
        Team team = team();
        JsonNode members = json(client.call(api, "GET", "/accounts/me/members")
                .token(team.viewer)
                .expect(200));
        assertThat(members.path("members").size()).isEqualTo(3);
        String newcomer = Unique.name("new");
        assertThat(json(putMember(team.owner, newcomer, "{\"role\":\"editor\"}").expect(201))
                        .path("role")
                        .asText())
                .isEqualTo("editor");
        putMember(team.owner, newcomer, "{\"role\":\"viewer\"}").expect(200);
        putMember(team.editor, newcomer, "{\"role\":\"owner\"}").expectError(403, "forbidden");
        putMember(team.owner, team.ownerId, "{\"role\":\"editor\"}").expectError(409, "last_owner");
        Team other = team();
        putMember(team.owner, other.ownerId, "{\"role\":\"viewer\"}").expectError(409, "member_of_another_account");
        refusedBody(putMember(team.owner, newcomer, "{\"role\":\"admin\"}"), "invalid_role");
        refusedBody(putMember(team.owner, newcomer, "{\"role\":\"viewer\",\"x\":1}"), "invalid_x");
        putMember(team.owner, "not valid!", "{\"role\":\"viewer\"}").expectError(400, "invalid_userid");
        putMember(team.owner, newcomer, hugeBody()).expectGateway(413, "Request Entity Too Large");

        removeMember(team.viewer, newcomer).expectError(403, "forbidden");
        removeMember(team.owner, newcomer).expect(204);
        removeMember(team.owner, newcomer).expectError(404, "not_found");
        removeMember(team.owner, other.ownerId).expectError(404, "not_found");
        removeMember(team.owner, team.ownerId).expectError(409, "last_owner");
        removeMember(team.owner, "not valid!").expectError(400, "invalid_userid");
    }

    @Test
    @Order(2)
    void trackedPages_trackListPageAndUntrack_withinThePlan() {
        Team team = team();
        track(team.editor, PAGES.get(0)).expect(201);
        assertThat(json(track(team.editor, PAGES.get(0)).expect(200))
                        .path("tracked")
                        .asBoolean())
                .isTrue();
        track(team.owner, PAGES.get(1)).expect(201);
        track(team.viewer, PAGES.get(2)).expectError(403, "forbidden");
        track(team.owner, "7199999").expectError(404, "unknown_page");
        track(team.owner, "abc").expectError(400, "invalid_pageid");
        track(searchDown, team.owner, PAGES.get(2)).expectError(503, "search_unavailable");

        JsonNode first = json(list(api, team.viewer, "limit=1").expect(200));
        assertThat(first.path("pages").get(0).path("pageId").asText()).isEqualTo(PAGES.get(0));
        assertThat(first.path("pages").get(0).path("name").asText()).isEqualTo("Contract Page 0");
        String cursor = first.path("nextCursor").asText();
        JsonNode second =
                json(list(api, team.viewer, "limit=1&cursor=" + cursor).expect(200));
        assertThat(second.path("pages").get(0).path("pageId").asText()).isEqualTo(PAGES.get(1));
        JsonNode rest = json(
                list(api, team.viewer, "cursor=" + second.path("nextCursor").asText())
                        .expect(200));
        assertThat(rest.path("pages").isEmpty()).isTrue();
        assertThat(rest.has("nextCursor")).isFalse();
        list(api, team.viewer, "limit=0").expectError(400, "invalid_limit");
        list(api, team.viewer, "limit=101").expectError(400, "invalid_limit");
        list(api, team.viewer, "cursor=" + forged(cursor)).expectError(400, "invalid_cursor");
        list(api, team().viewer, "cursor=" + cursor).expectError(400, "invalid_cursor");
        list(searchDown, team.viewer, null).expectError(503, "search_unavailable");

        untrack(team.viewer, PAGES.get(0)).expectError(403, "forbidden");
        untrack(team.editor, PAGES.get(0)).expect(204);
        untrack(team.editor, PAGES.get(0)).expectError(404, "not_found");
        untrack(team.editor, "12a").expectError(400, "invalid_pageid");

        for (String page : PAGES.subList(2, 11)) {
            track(team.owner, page).expect(201);
        }
        track(team.owner, PAGES.get(11)).expectError(409, "limit_reached");
    }

    @Test
    @Order(2)
    void dashboards_areEmptyBeforeReporting_thenItsSnapshotsOldestFirst() {
        String range = "from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z";
        Team empty = team();
        JsonNode none = json(dashboard(empty.viewer, "hour", range).expect(200));
        assertThat(none.path("snapshots").isEmpty()).isTrue();
        assertThat(none.path("period").asText()).isEqualTo("hour");
        json(dashboard(empty.viewer, "day", null).expect(200));

        Team team = team();
        for (String start : List.of("2026-12-01T11:00:00Z", "2026-12-01T10:00:00Z")) {
            platform.dynamo.putItem(p -> p.tableName(platform.table(PulseTopology.REPORTS_TABLE))
                    .item(Map.of(
                            "accountId", AttributeValue.fromS(team.accountId),
                            "periodKey", AttributeValue.fromS("hour#" + start),
                            "posts", AttributeValue.fromN("42"),
                            "complete", AttributeValue.fromBool(true),
                            "top", AttributeValue.fromM(Map.of("pageId", AttributeValue.fromS(PAGES.get(0)))))));
        }
        JsonNode filled = json(dashboard(team.viewer, "hour", range).expect(200));
        assertThat(filled.path("snapshots").size()).isEqualTo(2);
        assertThat(filled.path("snapshots").get(0).path("start").asText()).isEqualTo("2026-12-01T10:00:00Z");
        assertThat(filled.path("snapshots").get(0).path("figures").path("posts").asInt())
                .isEqualTo(42);

        dashboard(team.viewer, "week", null).expectError(400, "invalid_period");
        dashboard(team.viewer, "hour", "from=yesterday").expectError(400, "invalid_from");
        dashboard(team.viewer, "hour", "from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z")
                .expectError(400, "invalid_from");
        dashboard(team.viewer, "day", "from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z")
                .expectError(400, "invalid_to");
    }

    @Test
    @Order(3)
    void everyDocumentedStatus_butTheUnprovokable500s_wasSeenAndValidated() {
        List<String> missing = new ArrayList<>();
        for (OpenApiContract.Op op : spec.operations()) {
            for (int status : spec.statuses(op.method(), op.path())) {
                if (status != 500 && !client.seen(op.method(), op.path(), status)) {
                    missing.add(op.key() + " " + status);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    // --- requests ---

    private ContractClient.Call mentions(String base, String query) {
        return client.call(base, "GET", "/mentions").query(query);
    }

    private ContractClient.Call create(String token, String key, String body) {
        ContractClient.Call call =
                client.call(api, "POST", "/accounts").token(token).body(body);
        return key == null ? call : call.header("idempotency-key", key);
    }

    private ContractClient.Call patch(String token, String etag, String body) {
        ContractClient.Call call =
                client.call(api, "PATCH", "/accounts/me").token(token).body(body);
        return etag == null ? call : call.header("if-match", etag);
    }

    private ContractClient.Call putMember(String token, String user, String body) {
        return client.call(api, "PUT", "/accounts/me/members/{userId}")
                .path("userId", user)
                .token(token)
                .body(body);
    }

    private ContractClient.Call removeMember(String token, String user) {
        return client.call(api, "DELETE", "/accounts/me/members/{userId}")
                .path("userId", user)
                .token(token);
    }

    private ContractClient.Call track(String token, String page) {
        return track(api, token, page);
    }

    private ContractClient.Call track(String base, String token, String page) {
        return client.call(base, "PUT", "/accounts/me/tracked-pages/{pageId}")
                .path("pageId", page)
                .token(token);
    }

    private ContractClient.Call untrack(String token, String page) {
        return client.call(api, "DELETE", "/accounts/me/tracked-pages/{pageId}")
                .path("pageId", page)
                .token(token);
    }

    private ContractClient.Call list(String base, String token, String query) {
        return client.call(base, "GET", "/accounts/me/tracked-pages")
                .token(token)
                .query(query);
    }

    private ContractClient.Call dashboard(String token, String period, String query) {
        return client.call(api, "GET", "/accounts/me/dashboards/{period}")
                .path("period", period)
                .token(token)
                .query(query);
    }

    /** A request that reaches the function's checks: path filled, a valid body and the headers the route reads. */
    private ContractClient.Call sample(RouteSpec route, String base, String token) {
        ContractClient.Call call = client.call(base, route.method(), route.path())
                .token(token)
                .path("userId", Unique.name("someone"))
                .path("pageId", PAGES.getFirst())
                .path("period", "hour");
        return switch (route.routeKey()) {
            case "POST /accounts" ->
                call.header("idempotency-key", Unique.name("k")).body("{\"name\":\"Acme\"}");
            case "PATCH /accounts/me" -> call.header("if-match", "\"1\"").body("{\"name\":\"Acme\"}");
            case "PUT /accounts/me/members/{userId}" -> call.body("{\"role\":\"viewer\"}");
            default -> call;
        };
    }

    private List<RouteSpec> accountsRoutes() {
        return platform.topology.routes().stream()
                .filter(r -> r.function().equals(PulseTopology.ACCOUNTS_FUNCTION))
                .toList();
    }

    /** The function refuses the call's body with {@code code}, and the spec's request schema refuses it too. */
    private void refusedBody(ContractClient.Call call, String code) {
        call.expectError(400, code);
        assertThat(spec.requestViolations(call.method(), call.template(), call.requestBody()))
                .as(
                        "the spec's request schema for %s %s accepts %s",
                        call.method(), call.template(), call.requestBody())
                .isNotEmpty();
    }

    /** The cursor with the first character of its signature changed, so the signature's first byte differs. */
    private static String forged(String cursor) {
        int signature = cursor.indexOf('.') + 1;
        char replacement = cursor.charAt(signature) == 'A' ? 'B' : 'A';
        return cursor.substring(0, signature) + replacement + cursor.substring(signature + 1);
    }

    private static String hugeBody() {
        return "{\"name\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}";
    }

    /** A fresh account with an owner, an editor and a viewer; tokens with both scopes. */
    private Team team() {
        String owner = Unique.name("own");
        String ownerToken = platform.token(owner, BOTH);
        String accountId = json(create(ownerToken, Unique.name("k"), "{\"name\":\"Team\"}")
                        .expect(201))
                .path("accountId")
                .asText();
        String editor = Unique.name("edi");
        String viewer = Unique.name("vie");
        putMember(ownerToken, editor, "{\"role\":\"editor\"}").expect(201);
        putMember(ownerToken, viewer, "{\"role\":\"viewer\"}").expect(201);
        return new Team(accountId, owner, ownerToken, platform.token(editor, BOTH), platform.token(viewer, BOTH));
    }

    private record Team(String accountId, String ownerId, String owner, String editor, String viewer) {}
}
