package dev.pulse.tools.it;

import static dev.pulse.tools.it.HttpApiPlatform.READ;
import static dev.pulse.tools.it.HttpApiPlatform.READ_WRITE;
import static dev.pulse.tools.it.HttpApiPlatform.WRITE;
import static dev.pulse.tools.it.HttpApiPlatform.json;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * docs/openapi.yaml against the real API: mentions and accounts behind the local API emulator and its JWT authorizer,
 * every route driven into each status it documents (but the 500s), every answer validated against the operation's
 * schema for that status; and the spec's routes and scopes are exactly the topology's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiContractIT {
    /** More pages than the free plan's 10, so the limit can be reached. */
    private static final List<String> PAGES =
            IntStream.rangeClosed(1, 12).mapToObj(i -> "71000" + (10 + i)).toList();

    private final OpenApiContract spec = OpenApiContract.load();
    private ContractClient client;
    private HttpApiPlatform platform;
    private String api;
    private String dynamoDown;
    private String searchDown;
    private ApiCalls calls;

    @BeforeAll
    void start() throws Exception {
        List<PageDocument> pages = new ArrayList<>();
        for (int i = 0; i < PAGES.size(); i++) {
            pages.add(new PageDocument(
                    PAGES.get(i), "Contract Page " + i, "contract" + i, "Media", 1000L * i, i % 2 == 0, Instant.EPOCH));
        }
        platform = new HttpApiPlatform(pages);
        client = new ContractClient(spec, platform);
        api = platform.base();
        dynamoDown =
                platform.serve(Map.of(PulseConfig.DYNAMODB_ENDPOINT, "http://127.0.0.1:" + LocalPlatform.closedPort()));
        searchDown =
                platform.serve(Map.of(OpenSearchSettings.ENDPOINT, "http://127.0.0.1:" + LocalPlatform.closedPort()));
        calls = new ApiCalls(client, platform, PAGES);
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
        // The legacy proxy's catch-all answers the v1 API (documented in the README), which is not Pulse's API.
        List<RouteSpec> pulseRoutes = platform.topology.routes().stream()
                .filter(r -> !r.function().equals(PulseTopology.LEGACY_PROXY_FUNCTION))
                .toList();
        assertThat(routes.stream().map(OpenApiContract.Op::key))
                .containsExactlyInAnyOrderElementsOf(
                        pulseRoutes.stream().map(RouteSpec::routeKey).toList());
        for (RouteSpec route : pulseRoutes) {
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
        JsonNode first = json(calls.mentions(api, "q=contract").expect(200));
        assertThat(first.path("results").size()).isEqualTo(8);
        assertThat(first.path("source").asText()).isEqualTo("index");
        assertThat(json(calls.mentions(api, "q=contract").expect(200))
                        .path("source")
                        .asText())
                .isEqualTo("cache");
        assertThat(json(calls.mentions(api, "q=%40contract%20page&limit=2").expect(200))
                        .path("results")
                        .size())
                .isEqualTo(2);
        calls.mentions(api, null).expectError(400, "invalid_query");
        calls.mentions(api, "q=%40").expectError(400, "invalid_query");
        calls.mentions(api, "q=" + "a".repeat(101)).expectError(400, "invalid_query");
        calls.mentions(api, "q=ab&limit=0").expectError(400, "invalid_limit");
        calls.mentions(api, "q=ab&limit=many").expectError(400, "invalid_limit");
        calls.mentions(searchDown, "q=" + Unique.name("uncached")).expectError(503, "search_unavailable");
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
        for (RouteSpec route : calls.accountsRoutes()) {
            calls.sample(route, api, null).expectGateway(401, "Unauthorized");
            calls.sample(route, api, platform.wrongKeyToken(Unique.name("u"), READ_WRITE))
                    .expectGateway(401, "Unauthorized");
            calls.sample(route, api, platform.expiredToken(Unique.name("u"), READ_WRITE))
                    .expectGateway(401, "Unauthorized");
            String otherScope = route.scopes().contains(READ) ? WRITE : READ;
            calls.sample(route, api, platform.token(Unique.name("u"), otherScope))
                    .expectGateway(403, "Forbidden");
            calls.sample(route, api, platform.tokenWithoutSubject(READ_WRITE)).expectError(401, "unauthorized");
            calls.sample(route, api, platform.token("not a user id", READ_WRITE))
                    .expectError(400, "invalid_userid");
            calls.sample(route, dynamoDown, platform.token(Unique.name("u"), READ_WRITE))
                    .expectError(503, "storage_unavailable");
            if (!route.routeKey().equals("POST /accounts")) {
                calls.sample(route, api, platform.token(Unique.name("nobody"), READ_WRITE))
                        .expectError(404, "not_found");
            }
        }
    }

    @Test
    @Order(2)
    void createAccount_isIdempotentPerKey_andRefusesBadInput() {
        String ada = platform.token(Unique.name("ada"), READ_WRITE);
        String key = Unique.name("key");
        HttpResponse<String> created =
                calls.create(ada, key, "{\"name\":\"Acme\"}").expect(201);
        assertThat(created.headers().firstValue("etag")).contains("\"1\"");
        JsonNode account = json(created);
        assertThat(account.path("plan").asText()).isEqualTo("free");
        assertThat(json(calls.create(ada, key, "{\"name\":\"Acme\"}").expect(201))
                        .path("accountId"))
                .isEqualTo(account.path("accountId"));
        calls.create(ada, Unique.name("key"), "{\"name\":\"Second\"}").expectError(409, "already_member");

        String bob = platform.token(Unique.name("bob"), READ_WRITE);
        calls.create(bob, null, "{\"name\":\"Acme\"}").expectError(400, "invalid_idempotency_key");
        calls.create(bob, "has space", "{\"name\":\"Acme\"}").expectError(400, "invalid_idempotency_key");
        for (String body : List.of("not json", "[]", "{}", "{\"name\":7}")) {
            String code = body.equals("{}") || body.contains("7") ? "invalid_name" : "invalid_body";
            refusedBody(calls.create(bob, Unique.name("k"), body), code);
        }
        refusedBody(calls.create(bob, Unique.name("k"), "{\"name\":\"A\",\"plan\":\"pro\"}"), "invalid_plan");
        refusedBody(calls.create(bob, Unique.name("k"), "{\"name\":\"\"}"), "invalid_name");
        refusedBody(calls.create(bob, Unique.name("k"), "{\"name\":\"" + "n".repeat(101) + "\"}"), "invalid_name");
        refusedBody(calls.create(bob, Unique.name("k"), "{\"name\":\"a\\u0007b\"}"), "invalid_name");
        calls.create(bob, Unique.name("k"), "{\"name\":\"" + "n".repeat(17_000) + "\"}")
                .expectError(400, "invalid_body");
        calls.create(bob, Unique.name("k"), hugeBody()).expectGateway(413, "Request Entity Too Large");
        assertThat(spec.requestViolations("POST", "/accounts", "{\"name\":\"Acme\"}"))
                .isEmpty();
    }

    @Test
    @Order(2)
    void patchAccount_needsTheCurrentEtag_andAWriter() {
        ApiCalls.Team team = calls.team();
        HttpResponse<String> mine =
                client.call(api, "GET", "/accounts/me").token(team.owner()).expect(200);
        String etag = mine.headers().firstValue("etag").orElseThrow();
        HttpResponse<String> renamed =
                calls.patch(team.owner(), etag, "{\"name\":\"Renamed\"}").expect(200);
        assertThat(renamed.headers().firstValue("etag")).contains("\"2\"");
        assertThat(json(renamed).path("name").asText()).isEqualTo("Renamed");
        calls.patch(team.editor(), etag, "{\"name\":\"Stale\"}").expectError(412, "precondition_failed");
        calls.patch(team.owner(), null, "{\"name\":\"No etag\"}").expectError(428, "precondition_required");
        calls.patch(team.owner(), "\"two\"", "{\"name\":\"Bad etag\"}").expectError(400, "invalid_if_match");
        calls.patch(team.viewer(), "\"2\"", "{\"name\":\"Viewer\"}").expectError(403, "forbidden");
        refusedBody(calls.patch(team.owner(), "\"2\"", "{\"name\":\"x\",\"plan\":\"agency\"}"), "invalid_plan");
        refusedBody(
                calls.patch(team.owner(), "\"2\"", "{\"settings\":{\"theme\":\"dark\"}}"), "invalid_settings_theme");
        // Blank is refused by the function; the schema says so only in words (minLength counts the spaces).
        calls.patch(team.owner(), "\"2\"", "{\"name\":\"   \"}").expectError(400, "invalid_name");
        calls.patch(team.owner(), "\"2\"", hugeBody()).expectGateway(413, "Request Entity Too Large");
        HttpResponse<String> zoned = calls.patch(team.editor(), "\"2\"", "{\"settings\":{\"timezone\":\"Asia/Tokyo\"}}")
                .expect(200);
        assertThat(json(zoned).path("settings").path("timezone").asText()).isEqualTo("Asia/Tokyo");
        assertThat(json(zoned).path("settings").path("locale").asText()).isEqualTo("en-US");
        assertThat(json(zoned).path("name").asText()).isEqualTo("Renamed");
    }

    @Test
    @Order(2)
    void members_onlyAnOwnerChangesTheTeam_andItKeepsAnOwner() {
        ApiCalls.Team team = calls.team();
        JsonNode members = json(client.call(api, "GET", "/accounts/me/members")
                .token(team.viewer())
                .expect(200));
        assertThat(members.path("members").size()).isEqualTo(3);
        String newcomer = Unique.name("new");
        assertThat(json(calls.putMember(team.owner(), newcomer, "{\"role\":\"editor\"}")
                                .expect(201))
                        .path("role")
                        .asText())
                .isEqualTo("editor");
        calls.putMember(team.owner(), newcomer, "{\"role\":\"viewer\"}").expect(200);
        calls.putMember(team.editor(), newcomer, "{\"role\":\"owner\"}").expectError(403, "forbidden");
        calls.putMember(team.owner(), team.ownerId(), "{\"role\":\"editor\"}").expectError(409, "last_owner");
        ApiCalls.Team other = calls.team();
        calls.putMember(team.owner(), other.ownerId(), "{\"role\":\"viewer\"}")
                .expectError(409, "member_of_another_account");
        refusedBody(calls.putMember(team.owner(), newcomer, "{\"role\":\"admin\"}"), "invalid_role");
        refusedBody(calls.putMember(team.owner(), newcomer, "{\"role\":\"viewer\",\"x\":1}"), "invalid_x");
        calls.putMember(team.owner(), "not valid!", "{\"role\":\"viewer\"}").expectError(400, "invalid_userid");
        calls.putMember(team.owner(), newcomer, hugeBody()).expectGateway(413, "Request Entity Too Large");

        calls.removeMember(team.viewer(), newcomer).expectError(403, "forbidden");
        calls.removeMember(team.owner(), newcomer).expect(204);
        calls.removeMember(team.owner(), newcomer).expectError(404, "not_found");
        calls.removeMember(team.owner(), other.ownerId()).expectError(404, "not_found");
        calls.removeMember(team.owner(), team.ownerId()).expectError(409, "last_owner");
        calls.removeMember(team.owner(), "not valid!").expectError(400, "invalid_userid");
    }

    @Test
    @Order(2)
    void trackedPages_trackListPageAndUntrack_withinThePlan() {
        ApiCalls.Team team = calls.team();
        calls.track(team.editor(), PAGES.get(0)).expect(201);
        assertThat(json(calls.track(team.editor(), PAGES.get(0)).expect(200))
                        .path("tracked")
                        .asBoolean())
                .isTrue();
        calls.track(team.owner(), PAGES.get(1)).expect(201);
        calls.track(team.viewer(), PAGES.get(2)).expectError(403, "forbidden");
        calls.track(team.owner(), "7199999").expectError(404, "unknown_page");
        calls.track(team.owner(), "abc").expectError(400, "invalid_pageid");
        calls.track(searchDown, team.owner(), PAGES.get(2)).expectError(503, "search_unavailable");

        JsonNode first = json(calls.list(api, team.viewer(), "limit=1").expect(200));
        assertThat(first.path("pages").get(0).path("pageId").asText()).isEqualTo(PAGES.get(0));
        assertThat(first.path("pages").get(0).path("name").asText()).isEqualTo("Contract Page 0");
        String cursor = first.path("nextCursor").asText();
        JsonNode second =
                json(calls.list(api, team.viewer(), "limit=1&cursor=" + cursor).expect(200));
        assertThat(second.path("pages").get(0).path("pageId").asText()).isEqualTo(PAGES.get(1));
        JsonNode rest = json(calls.list(
                        api,
                        team.viewer(),
                        "cursor=" + second.path("nextCursor").asText())
                .expect(200));
        assertThat(rest.path("pages").isEmpty()).isTrue();
        assertThat(rest.has("nextCursor")).isFalse();
        calls.list(api, team.viewer(), "limit=0").expectError(400, "invalid_limit");
        calls.list(api, team.viewer(), "limit=101").expectError(400, "invalid_limit");
        calls.list(api, team.viewer(), "cursor=" + forged(cursor)).expectError(400, "invalid_cursor");
        calls.list(api, calls.team().viewer(), "cursor=" + cursor).expectError(400, "invalid_cursor");
        calls.list(searchDown, team.viewer(), null).expectError(503, "search_unavailable");

        calls.untrack(team.viewer(), PAGES.get(0)).expectError(403, "forbidden");
        calls.untrack(team.editor(), PAGES.get(0)).expect(204);
        calls.untrack(team.editor(), PAGES.get(0)).expectError(404, "not_found");
        calls.untrack(team.editor(), "12a").expectError(400, "invalid_pageid");

        for (String page : PAGES.subList(2, 11)) {
            calls.track(team.owner(), page).expect(201);
        }
        calls.track(team.owner(), PAGES.get(11)).expectError(409, "limit_reached");
    }

    @Test
    @Order(2)
    void dashboards_areEmptyBeforeReporting_thenItsSnapshotsOldestFirst() {
        String range = "from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z";
        ApiCalls.Team empty = calls.team();
        JsonNode none = json(calls.dashboard(empty.viewer(), "hour", range).expect(200));
        assertThat(none.path("snapshots").isEmpty()).isTrue();
        assertThat(none.path("period").asText()).isEqualTo("hour");
        json(calls.dashboard(empty.viewer(), "day", null).expect(200));

        ApiCalls.Team team = calls.team();
        ReportSnapshots.write(
                platform,
                List.of(
                        ReportSnapshots.hour(
                                team.accountId(),
                                Instant.parse("2026-12-01T11:00:00Z"),
                                PAGES.get(0),
                                42,
                                30,
                                8,
                                4,
                                3,
                                1_000,
                                OptionalLong.of(-5)),
                        ReportSnapshots.hour(
                                team.accountId(),
                                Instant.parse("2026-12-01T10:00:00Z"),
                                PAGES.get(0),
                                0,
                                0,
                                0,
                                0,
                                0,
                                1_005,
                                OptionalLong.empty())));
        JsonNode filled = json(calls.dashboard(team.viewer(), "hour", range).expect(200));
        assertThat(filled.path("snapshots").size()).isEqualTo(2);
        JsonNode first = filled.path("snapshots").get(0);
        assertThat(first.path("start").asText()).isEqualTo("2026-12-01T10:00:00Z");
        assertThat(first.path("figures").has("fansChange")).isFalse();
        JsonNode second = filled.path("snapshots").get(1).path("figures");
        assertThat(second.path("postCount").asInt()).isEqualTo(42);
        assertThat(second.path("engagement").asInt()).isEqualTo(42);
        assertThat(second.path("fansChange").asInt()).isEqualTo(-5);
        assertThat(second.path("topPosts").get(0).path("pageId").asText()).isEqualTo(PAGES.get(0));

        calls.dashboard(team.viewer(), "week", null).expectError(400, "invalid_period");
        calls.dashboard(team.viewer(), "hour", "from=yesterday").expectError(400, "invalid_from");
        calls.dashboard(team.viewer(), "hour", "from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z")
                .expectError(400, "invalid_from");
        calls.dashboard(team.viewer(), "day", "from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z")
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
}
