package dev.pulse.tools.it;

import static dev.pulse.tools.it.HttpApiPlatform.READ_WRITE;
import static dev.pulse.tools.it.HttpApiPlatform.json;

import dev.pulse.core.testing.Unique;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.RouteSpec;
import java.util.List;

/** The requests of the contract test, one builder per route, and a fresh team to send them as. */
final class ApiCalls {
    private final ContractClient client;
    private final HttpApiPlatform platform;
    private final String api;
    private final List<String> pages;

    ApiCalls(ContractClient client, HttpApiPlatform platform, List<String> pages) {
        this.client = client;
        this.platform = platform;
        this.api = platform.base();
        this.pages = pages;
    }

    ContractClient.Call mentions(String base, String query) {
        return client.call(base, "GET", "/mentions").query(query);
    }

    ContractClient.Call create(String token, String key, String body) {
        ContractClient.Call call =
                client.call(api, "POST", "/accounts").token(token).body(body);
        return key == null ? call : call.header("idempotency-key", key);
    }

    ContractClient.Call patch(String token, String etag, String body) {
        ContractClient.Call call =
                client.call(api, "PATCH", "/accounts/me").token(token).body(body);
        return etag == null ? call : call.header("if-match", etag);
    }

    ContractClient.Call putMember(String token, String user, String body) {
        return client.call(api, "PUT", "/accounts/me/members/{userId}")
                .path("userId", user)
                .token(token)
                .body(body);
    }

    ContractClient.Call removeMember(String token, String user) {
        return client.call(api, "DELETE", "/accounts/me/members/{userId}")
                .path("userId", user)
                .token(token);
    }

    ContractClient.Call track(String token, String page) {
        return track(api, token, page);
    }

    ContractClient.Call track(String base, String token, String page) {
        return client.call(base, "PUT", "/accounts/me/tracked-pages/{pageId}")
                .path("pageId", page)
                .token(token);
    }

    ContractClient.Call untrack(String token, String page) {
        return client.call(api, "DELETE", "/accounts/me/tracked-pages/{pageId}")
                .path("pageId", page)
                .token(token);
    }

    ContractClient.Call list(String base, String token, String query) {
        return client.call(base, "GET", "/accounts/me/tracked-pages")
                .token(token)
                .query(query);
    }

    ContractClient.Call dashboard(String token, String period, String query) {
        return client.call(api, "GET", "/accounts/me/dashboards/{period}")
                .path("period", period)
                .token(token)
                .query(query);
    }

    /** A request that reaches the function's checks: path filled, a valid body and the headers the route reads. */
    ContractClient.Call sample(RouteSpec route, String base, String token) {
        ContractClient.Call call = client.call(base, route.method(), route.path())
                .token(token)
                .path("userId", Unique.name("someone"))
                .path("pageId", pages.getFirst())
                .path("period", "hour");
        return switch (route.routeKey()) {
            case "POST /accounts" ->
                call.header("idempotency-key", Unique.name("k")).body("{\"name\":\"Acme\"}");
            case "PATCH /accounts/me" -> call.header("if-match", "\"1\"").body("{\"name\":\"Acme\"}");
            case "PUT /accounts/me/members/{userId}" -> call.body("{\"role\":\"viewer\"}");
            default -> call;
        };
    }

    List<RouteSpec> accountsRoutes() {
        return platform.topology.routes().stream()
                .filter(r -> r.function().equals(PulseTopology.ACCOUNTS_FUNCTION))
                .toList();
    }

    /** A fresh account with an owner, an editor and a viewer; tokens with both scopes. */
    Team team() {
        String owner = Unique.name("own");
        String ownerToken = platform.token(owner, READ_WRITE);
        String accountId = json(create(ownerToken, Unique.name("k"), "{\"name\":\"Team\"}")
                        .expect(201))
                .path("accountId")
                .asText();
        String editor = Unique.name("edi");
        String viewer = Unique.name("vie");
        putMember(ownerToken, editor, "{\"role\":\"editor\"}").expect(201);
        putMember(ownerToken, viewer, "{\"role\":\"viewer\"}").expect(201);
        return new Team(
                accountId, owner, ownerToken, platform.token(editor, READ_WRITE), platform.token(viewer, READ_WRITE));
    }

    record Team(String accountId, String ownerId, String owner, String editor, String viewer) {}
}
