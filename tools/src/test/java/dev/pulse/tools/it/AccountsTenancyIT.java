package dev.pulse.tools.it;

import static dev.pulse.tools.it.HttpApiPlatform.READ;
import static dev.pulse.tools.it.HttpApiPlatform.READ_WRITE;
import static dev.pulse.tools.it.HttpApiPlatform.WRITE;
import static dev.pulse.tools.it.HttpApiPlatform.json;
import static dev.pulse.tools.it.TenancyWorld.PAGE_A;
import static dev.pulse.tools.it.TenancyWorld.PAGE_B;
import static dev.pulse.tools.it.TenancyWorld.PAGE_FREE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.testing.Unique;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.RouteSpec;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Tenant isolation over HTTP: the accounts function behind the local API emulator and its JWT authorizer, on tables
 * of its own. The tenant comes from the token's subject only; another account's resource is a 404. {@link #MATRIX}
 * writes down every route × every kind of caller with its exact status.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountsTenancyIT {
    private HttpApiPlatform api;
    private TenancyWorld shared;

    @BeforeAll
    void start() {
        api = new HttpApiPlatform(TenancyWorld.PAGES);
        shared = TenancyWorld.make(api);
    }

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void everyCaller_getsExactlyTheStatusOfItsRelationToTheAccount() {
        String ada = Unique.name("ada");
        String bob = Unique.name("bob");
        String vic = Unique.name("vic");
        String adaToken = token(ada, READ_WRITE);
        assertThat(send("POST", "/accounts", adaToken, "{\"name\":\"Acme\"}").statusCode())
                .isEqualTo(201);
        assertThat(send("POST", "/accounts", token(bob, READ_WRITE), "{\"name\":\"Other\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(send("PUT", "/accounts/me/members/" + vic, adaToken, "{\"role\":\"viewer\"}")
                        .statusCode())
                .isEqualTo(201);

        // Own account: the caller's account, whatever else the token says.
        HttpResponse<String> own = send("GET", "/accounts/me", adaToken, null);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(json(own).path("name").asText()).isEqualTo("Acme");
        String bobsView = json(send("GET", "/accounts/me", token(bob, READ_WRITE), null))
                .path("name")
                .asText();
        assertThat(bobsView).isEqualTo("Other");
        // Another account's resource: bob is not in ada's team, so removing him from it finds nothing.
        assertThat(send("DELETE", "/accounts/me/members/" + bob, adaToken, null).statusCode())
                .isEqualTo(404);
        assertThat(json(send("GET", "/accounts/me/members", token(bob, READ_WRITE), null))
                        .path("members")
                        .size())
                .isEqualTo(1);
        // A caller in no account sees no account.
        assertThat(send("GET", "/accounts/me", token(Unique.name("eve"), READ_WRITE), null)
                        .statusCode())
                .isEqualTo(404);
        // A viewer may read but not write.
        assertThat(send("GET", "/accounts/me", token(vic, READ_WRITE), null).statusCode())
                .isEqualTo(200);
        HttpResponse<String> viewerWrite = send("PUT", "/accounts/me/tracked-pages/101", token(vic, READ_WRITE), null);
        assertThat(viewerWrite.statusCode()).isEqualTo(403);
        assertThat(json(viewerWrite).path("error").asText()).isEqualTo("forbidden");
        // The authorizer's refusals, before the function runs.
        assertThat(send("GET", "/accounts/me", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/accounts/me", token(ada, WRITE), null).statusCode())
                .isEqualTo(403);
        assertThat(send("PATCH", "/accounts/me", token(ada, READ), "{}").statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/accounts/me", api.expiredToken(ada, READ_WRITE), null)
                        .statusCode())
                .isEqualTo(401);
        assertThat(send("GET", "/accounts/me", api.wrongKeyToken(ada, READ_WRITE), null)
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void givenTwoConcurrentPatchesOverHttpWithTheSameETag_thenExactlyOne200_andOne412() throws Exception {
        String ada = Unique.name("ada");
        HttpResponse<String> created = send("POST", "/accounts", token(ada, READ_WRITE), "{\"name\":\"Acme\"}");
        String etag = created.headers().firstValue("etag").orElseThrow();
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<HttpResponse<String>>> writers = new ArrayList<>();
        for (String name : List.of("First", "Second")) {
            writers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return api.send(
                        "PATCH",
                        "/accounts/me",
                        Map.of(
                                "content-type",
                                "application/json",
                                "if-match",
                                etag,
                                "authorization",
                                "Bearer " + token(ada, READ_WRITE)),
                        HttpApiPlatform.bytes("{\"name\":\"" + name + "\"}"));
            }));
        }

        List<Integer> statuses = new ArrayList<>();
        String winner = null;
        for (CompletableFuture<HttpResponse<String>> writer : writers) {
            HttpResponse<String> response = writer.get();
            statuses.add(response.statusCode());
            if (response.statusCode() == 200) {
                winner = json(response).path("name").asText();
            } else {
                assertThat(json(response).path("error").asText()).isEqualTo("precondition_failed");
            }
        }

        assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        HttpResponse<String> me = send("GET", "/accounts/me", token(ada, READ_WRITE), null);
        assertThat(json(me).path("name").asText()).isEqualTo(winner);
        assertThat(me.headers().firstValue("etag")).hasValue("\"2\"");
    }

    // ---- the matrix ------------------------------------------------------------------------------------------------

    /** The accounts routes, by their topology route key. */
    enum Route {
        CREATE("POST /accounts"),
        ME("GET /accounts/me"),
        RENAME("PATCH /accounts/me"),
        MEMBERS("GET /accounts/me/members"),
        PUT_MEMBER("PUT /accounts/me/members/{userId}"),
        DELETE_MEMBER("DELETE /accounts/me/members/{userId}"),
        TRACKED("GET /accounts/me/tracked-pages"),
        TRACK("PUT /accounts/me/tracked-pages/{pageId}"),
        UNTRACK("DELETE /accounts/me/tracked-pages/{pageId}"),
        DASHBOARD("GET /accounts/me/dashboards/{period}");

        final String key;

        Route(String key) {
            this.key = key;
        }

        boolean writes() {
            return !key.startsWith("GET ");
        }
    }

    /** Who calls, with which token, about which account's resource. */
    enum Caller {
        /** A's owner, about A's own resource. */
        OWN,
        /** A's owner, about B's resource (B's page, member, cursor), with a token that also claims B's account. */
        OTHER,
        /** A's viewer, about A's resource. */
        VIEWER,
        /** A valid token whose subject belongs to no account. */
        NO_ACCOUNT,
        NO_TOKEN,
        /** The right key, expired an hour ago. */
        EXPIRED,
        /** Unexpired, signed by a key the issuer never published. */
        WRONG_KEY,
        /** A's owner with only the other scope (read on a write route, write on a read route). */
        WRONG_SCOPE;

        boolean reachesFunction() {
            return ordinal() <= NO_ACCOUNT.ordinal();
        }
    }

    /**
     * One cell: the exact status and error code. A function's answer carries the code as {@code error}; the
     * authorizer's carries {@code {"message":...}} and names its RFC 6750 error in {@code www-authenticate}.
     */
    record Cell(Route route, Caller caller, int status, String error) {
        @Override
        public String toString() {
            return route.key + " × " + caller + " → " + status + (error == null ? "" : " " + error);
        }
    }

    private static Cell cell(Route route, Caller caller, int status, String error) {
        return new Cell(route, caller, status, error);
    }

    private static final String INVALID_TOKEN = "invalid_token";
    private static final String INSUFFICIENT_SCOPE = "insufficient_scope";

    static final List<Cell> MATRIX = List.of(
            // route, caller, exact status, error code (the authorizer's: its RFC 6750 error)
            cell(Route.CREATE, Caller.OWN, 201, null), // replays A's key: A again
            cell(Route.CREATE, Caller.OTHER, 409, "already_member"), // B's key, claims B
            cell(Route.CREATE, Caller.VIEWER, 409, "already_member"),
            cell(Route.CREATE, Caller.NO_ACCOUNT, 201, null), // a new account
            cell(Route.CREATE, Caller.NO_TOKEN, 401, null),
            cell(Route.CREATE, Caller.EXPIRED, 401, INVALID_TOKEN),
            cell(Route.CREATE, Caller.WRONG_KEY, 401, INVALID_TOKEN),
            cell(Route.CREATE, Caller.WRONG_SCOPE, 403, INSUFFICIENT_SCOPE),
            cell(Route.ME, Caller.OWN, 200, null),
            cell(Route.ME, Caller.OTHER, 200, null), // still A, never B
            cell(Route.ME, Caller.VIEWER, 200, null),
            cell(Route.ME, Caller.NO_ACCOUNT, 404, "not_found"),
            cell(Route.ME, Caller.NO_TOKEN, 401, null),
            cell(Route.ME, Caller.EXPIRED, 401, INVALID_TOKEN),
            cell(Route.ME, Caller.WRONG_KEY, 401, INVALID_TOKEN),
            cell(Route.ME, Caller.WRONG_SCOPE, 403, INSUFFICIENT_SCOPE),
            cell(Route.RENAME, Caller.OWN, 200, null),
            cell(Route.RENAME, Caller.OTHER, 200, null), // renames A; B unchanged
            cell(Route.RENAME, Caller.VIEWER, 403, "forbidden"),
            cell(Route.RENAME, Caller.NO_ACCOUNT, 404, "not_found"),
            cell(Route.RENAME, Caller.NO_TOKEN, 401, null),
            cell(Route.RENAME, Caller.EXPIRED, 401, INVALID_TOKEN),
            cell(Route.RENAME, Caller.WRONG_KEY, 401, INVALID_TOKEN),
            cell(Route.RENAME, Caller.WRONG_SCOPE, 403, INSUFFICIENT_SCOPE),
            cell(Route.MEMBERS, Caller.OWN, 200, null),
            cell(Route.MEMBERS, Caller.OTHER, 200, null), // A's team only
            cell(Route.MEMBERS, Caller.VIEWER, 200, null),
            cell(Route.MEMBERS, Caller.NO_ACCOUNT, 404, "not_found"),
            cell(Route.MEMBERS, Caller.NO_TOKEN, 401, null),
            cell(Route.MEMBERS, Caller.EXPIRED, 401, INVALID_TOKEN),
            cell(Route.MEMBERS, Caller.WRONG_KEY, 401, INVALID_TOKEN),
            cell(Route.MEMBERS, Caller.WRONG_SCOPE, 403, INSUFFICIENT_SCOPE),
            cell(Route.PUT_MEMBER, Caller.OWN, 201, null),
            cell(Route.PUT_MEMBER, Caller.OTHER, 409, "member_of_another_account"), // B's editor
            cell(Route.PUT_MEMBER, Caller.VIEWER, 403, "forbidden"),
            cell(Route.PUT_MEMBER, Caller.NO_ACCOUNT, 404, "not_found"),
            cell(Route.PUT_MEMBER, Caller.NO_TOKEN, 401, null),
            cell(Route.PUT_MEMBER, Caller.EXPIRED, 401, INVALID_TOKEN),
            cell(Route.PUT_MEMBER, Caller.WRONG_KEY, 401, INVALID_TOKEN),
            cell(Route.PUT_MEMBER, Caller.WRONG_SCOPE, 403, INSUFFICIENT_SCOPE),
            cell(Route.DELETE_MEMBER, Caller.OWN, 204, null),
            cell(Route.DELETE_MEMBER, Caller.OTHER, 404, "not_found"), // B's editor
            cell(Route.DELETE_MEMBER, Caller.VIEWER, 403, "forbidden"),
            cell(Route.DELETE_MEMBER, Caller.NO_ACCOUNT, 404, "not_found"),
            cell(Route.DELETE_MEMBER, Caller.NO_TOKEN, 401, null),
            cell(Route.DELETE_MEMBER, Caller.EXPIRED, 401, INVALID_TOKEN),
            cell(Route.DELETE_MEMBER, Caller.WRONG_KEY, 401, INVALID_TOKEN),
            cell(Route.DELETE_MEMBER, Caller.WRONG_SCOPE, 403, INSUFFICIENT_SCOPE),
            cell(Route.TRACKED, Caller.OWN, 200, null),
            cell(Route.TRACKED, Caller.OTHER, 400, "invalid_cursor"), // B's cursor
            cell(Route.TRACKED, Caller.VIEWER, 200, null),
            cell(Route.TRACKED, Caller.NO_ACCOUNT, 404, "not_found"),
            cell(Route.TRACKED, Caller.NO_TOKEN, 401, null),
            cell(Route.TRACKED, Caller.EXPIRED, 401, INVALID_TOKEN),
            cell(Route.TRACKED, Caller.WRONG_KEY, 401, INVALID_TOKEN),
            cell(Route.TRACKED, Caller.WRONG_SCOPE, 403, INSUFFICIENT_SCOPE),
            cell(Route.TRACK, Caller.OWN, 201, null),
            cell(Route.TRACK, Caller.OTHER, 201, null), // B's page, for A
            cell(Route.TRACK, Caller.VIEWER, 403, "forbidden"),
            cell(Route.TRACK, Caller.NO_ACCOUNT, 404, "not_found"),
            cell(Route.TRACK, Caller.NO_TOKEN, 401, null),
            cell(Route.TRACK, Caller.EXPIRED, 401, INVALID_TOKEN),
            cell(Route.TRACK, Caller.WRONG_KEY, 401, INVALID_TOKEN),
            cell(Route.TRACK, Caller.WRONG_SCOPE, 403, INSUFFICIENT_SCOPE),
            cell(Route.UNTRACK, Caller.OWN, 204, null),
            cell(Route.UNTRACK, Caller.OTHER, 404, "not_found"), // tracked by B only
            cell(Route.UNTRACK, Caller.VIEWER, 403, "forbidden"),
            cell(Route.UNTRACK, Caller.NO_ACCOUNT, 404, "not_found"),
            cell(Route.UNTRACK, Caller.NO_TOKEN, 401, null),
            cell(Route.UNTRACK, Caller.EXPIRED, 401, INVALID_TOKEN),
            cell(Route.UNTRACK, Caller.WRONG_KEY, 401, INVALID_TOKEN),
            cell(Route.UNTRACK, Caller.WRONG_SCOPE, 403, INSUFFICIENT_SCOPE),
            cell(Route.DASHBOARD, Caller.OWN, 200, null),
            cell(Route.DASHBOARD, Caller.OTHER, 200, null), // A's snapshots only
            cell(Route.DASHBOARD, Caller.VIEWER, 200, null),
            cell(Route.DASHBOARD, Caller.NO_ACCOUNT, 404, "not_found"),
            cell(Route.DASHBOARD, Caller.NO_TOKEN, 401, null),
            cell(Route.DASHBOARD, Caller.EXPIRED, 401, INVALID_TOKEN),
            cell(Route.DASHBOARD, Caller.WRONG_KEY, 401, INVALID_TOKEN),
            cell(Route.DASHBOARD, Caller.WRONG_SCOPE, 403, INSUFFICIENT_SCOPE));

    @Test
    void theMatrixHoldsEveryAccountsRouteOfTheTopology_timesEveryCaller() {
        List<String> topologyRoutes = PulseTopology.define().routes().stream()
                .filter(r -> r.function().equals(PulseTopology.ACCOUNTS_FUNCTION))
                .map(RouteSpec::routeKey)
                .sorted()
                .toList();
        assertThat(Arrays.stream(Route.values()).map(r -> r.key).sorted().toList())
                .isEqualTo(topologyRoutes);
        Map<Route, List<Caller>> callers = MATRIX.stream()
                .collect(Collectors.groupingBy(
                        Cell::route, LinkedHashMap::new, Collectors.mapping(Cell::caller, Collectors.toList())));
        assertThat(callers).hasSize(Route.values().length);
        callers.values().forEach(c -> assertThat(c).containsExactly(Caller.values()));
    }

    @TestFactory
    Stream<DynamicTest> tenantIsolationMatrix() {
        return MATRIX.stream()
                .map(cell -> DynamicTest.dynamicTest(cell.toString(), () -> {
                    try {
                        check(cell);
                    } catch (AssertionError e) {
                        // Reports list dynamic tests by index: name the cell in the failure itself.
                        throw new AssertionError(cell + ": " + e.getMessage(), e);
                    }
                }));
    }

    private void check(Cell cell) {
        // A cell that reaches the function may change its world, so it gets one of its own.
        TenancyWorld world = cell.caller().reachesFunction() ? TenancyWorld.make(api) : shared;
        Request request = request(cell.route(), cell.caller(), world);
        HttpResponse<String> response = api.send(request.method, request.path, request.headers(), request.bytes());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(cell.status());
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
        for (String b : world.bIdentifiers()) {
            assertThat(response.body()).as("an answer to A's caller names B").doesNotContain(b);
        }
        if (!cell.caller().reachesFunction()) {
            assertThat(json(response).path("message").asText())
                    .isEqualTo(cell.status() == 401 ? "Unauthorized" : "Forbidden");
            String challenge = response.headers().firstValue("www-authenticate").orElseThrow();
            if (cell.error() == null) {
                assertThat(challenge).isEqualTo("Bearer");
            } else {
                assertThat(challenge).contains("error=\"" + cell.error() + "\"");
            }
        } else if (cell.error() != null) {
            assertThat(json(response).path("error").asText()).isEqualTo(cell.error());
            assertThat(json(response).path("message").isTextual()).isTrue();
        } else if (cell.status() != 204) {
            assertThat(json(response).has("error")).isFalse();
        }
        request.then.accept(world, response);
    }

    /** A request of a cell, and what else must hold after it (beyond the status). */
    private record Request(
            String method,
            String path,
            String token,
            String key,
            String ifMatch,
            String json,
            BiConsumer<TenancyWorld, HttpResponse<String>> then) {

        Map<String, String> headers() {
            Map<String, String> headers = HttpApiPlatform.jsonHeaders(token, key);
            if (ifMatch != null) {
                headers.put("if-match", ifMatch);
            }
            return headers;
        }

        byte[] bytes() {
            return HttpApiPlatform.bytes(json);
        }
    }

    private Request request(Route route, Caller caller, TenancyWorld w) {
        boolean other = caller == Caller.OTHER;
        String subject = switch (caller) {
            case VIEWER -> w.aViewer();
            case NO_ACCOUNT -> Unique.name("eve");
            default -> w.aOwner();
        };
        String token = switch (caller) {
            case OTHER -> api.tokenClaiming(subject, w.bId(), READ_WRITE);
            case NO_TOKEN -> null;
            case EXPIRED -> api.expiredToken(subject, READ_WRITE);
            case WRONG_KEY -> api.wrongKeyToken(subject, READ_WRITE);
            case WRONG_SCOPE -> api.token(subject, route.writes() ? READ : WRITE);
            default -> api.token(subject, READ_WRITE);
        };
        boolean reached = caller.reachesFunction();
        String fresh = Unique.name("k");
        String naming = other ? "?accountId=" + w.bId() : "";
        return switch (route) {
            case CREATE ->
                new Request(
                        "POST",
                        "/accounts",
                        token,
                        caller == Caller.OWN ? w.aKey() : other ? w.bKey() : fresh,
                        null,
                        "{\"name\":\"Newco\"}",
                        (world, r) -> {
                            if (caller == Caller.OWN) {
                                assertThat(json(r).path("accountId").asText()).isEqualTo(world.aId());
                            } else if (caller == Caller.NO_ACCOUNT) {
                                assertThat(json(r).path("accountId").asText()).isNotIn(world.aId(), world.bId());
                            }
                        });
            case ME ->
                new Request("GET", "/accounts/me" + naming, token, fresh, null, null, (world, r) -> {
                    if (r.statusCode() == 200) {
                        assertThat(json(r).path("accountId").asText()).isEqualTo(world.aId());
                        assertThat(json(r).path("name").asText()).isEqualTo(world.aName());
                    }
                });
            case RENAME ->
                new Request(
                        "PATCH",
                        "/accounts/me" + naming,
                        token,
                        fresh,
                        "\"1\"",
                        "{\"name\":\"Renamed\"}",
                        (world, r) -> {
                            if (reached) {
                                assertThat(world.name(api, world.bOwner())).isEqualTo(world.bName());
                            }
                            if (r.statusCode() == 200) {
                                assertThat(json(r).path("accountId").asText()).isEqualTo(world.aId());
                                assertThat(world.name(api, world.aOwner())).isEqualTo("Renamed");
                            } else if (reached) {
                                assertThat(world.name(api, world.aOwner())).isEqualTo(world.aName());
                            }
                        });
            case MEMBERS ->
                new Request("GET", "/accounts/me/members" + naming, token, fresh, null, null, (world, r) -> {
                    if (r.statusCode() == 200) {
                        List<String> ids = new ArrayList<>();
                        json(r).path("members")
                                .forEach(m -> ids.add(m.path("userId").asText()));
                        assertThat(ids).containsExactlyInAnyOrder(world.aOwner(), world.aViewer());
                    }
                });
            case PUT_MEMBER -> {
                String user = other ? w.bEditor() : Unique.name("new");
                yield new Request(
                        "PUT",
                        "/accounts/me/members/" + user,
                        token,
                        fresh,
                        null,
                        "{\"role\":\"editor\"}",
                        (world, r) -> {
                            if (reached) {
                                assertThat(world.members(api, world.bOwner()))
                                        .containsExactlyInAnyOrder(world.bOwner(), world.bEditor());
                                boolean added = r.statusCode() == 201;
                                assertThat(world.members(api, world.aOwner()).contains(user))
                                        .isEqualTo(added);
                            }
                        });
            }
            case DELETE_MEMBER -> {
                String user = other ? w.bEditor() : caller == Caller.VIEWER ? w.aOwner() : w.aViewer();
                yield new Request("DELETE", "/accounts/me/members/" + user, token, fresh, null, null, (world, r) -> {
                    if (reached) {
                        assertThat(world.members(api, world.bOwner()))
                                .containsExactlyInAnyOrder(world.bOwner(), world.bEditor());
                        assertThat(world.members(api, world.aOwner()))
                                .containsExactlyInAnyOrderElementsOf(
                                        r.statusCode() == 204
                                                ? List.of(world.aOwner())
                                                : List.of(world.aOwner(), world.aViewer()));
                    }
                });
            }
            case TRACKED ->
                new Request(
                        "GET",
                        "/accounts/me/tracked-pages" + (other ? "?cursor=" + w.bCursor() : ""),
                        token,
                        fresh,
                        null,
                        null,
                        (world, r) -> {
                            assertThat(r.body()).doesNotContain("\"" + PAGE_B + "\"");
                            if (r.statusCode() == 200) {
                                List<String> ids = new ArrayList<>();
                                json(r).path("pages")
                                        .forEach(p -> ids.add(p.path("pageId").asText()));
                                assertThat(ids).containsExactly(PAGE_A);
                            }
                        });
            case TRACK -> {
                String page = other ? PAGE_B : PAGE_FREE;
                yield new Request("PUT", "/accounts/me/tracked-pages/" + page, token, fresh, null, null, (world, r) -> {
                    if (reached) {
                        assertThat(world.tracked(api, world.bOwner())).containsExactly(PAGE_B);
                        assertThat(world.tracked(api, world.aOwner()))
                                .containsExactlyInAnyOrderElementsOf(
                                        r.statusCode() == 201 ? List.of(PAGE_A, page) : List.of(PAGE_A));
                    }
                });
            }
            case UNTRACK -> {
                String page = other ? PAGE_B : PAGE_A;
                yield new Request(
                        "DELETE", "/accounts/me/tracked-pages/" + page, token, fresh, null, null, (world, r) -> {
                            if (reached) {
                                assertThat(world.tracked(api, world.bOwner())).containsExactly(PAGE_B);
                                assertThat(world.tracked(api, world.aOwner()))
                                        .isEqualTo(r.statusCode() == 204 ? List.of() : List.of(PAGE_A));
                            }
                        });
            }
            case DASHBOARD ->
                new Request("GET", "/accounts/me/dashboards/hour" + naming, token, fresh, null, null, (world, r) -> {
                    if (r.statusCode() == 200) {
                        JsonNode snapshots = json(r).path("snapshots");
                        assertThat(snapshots.size()).isEqualTo(1);
                        assertThat(snapshots.get(0).path("figures").has("a-figure"))
                                .isTrue();
                    }
                });
        };
    }

    private String token(String sub, String scopes) {
        return api.token(sub, scopes);
    }

    private HttpResponse<String> send(String method, String path, String token, String body) {
        HttpResponse<String> response = api.send(method, path, token, body);
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
        return response;
    }
}
