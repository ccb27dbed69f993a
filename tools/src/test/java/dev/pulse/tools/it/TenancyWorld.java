package dev.pulse.tools.it;

import static dev.pulse.tools.it.HttpApiPlatform.READ_WRITE;
import static dev.pulse.tools.it.HttpApiPlatform.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.domain.PageDocument;
import dev.pulse.core.testing.Unique;
import dev.pulse.core.topology.PulseTopology;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Two accounts, made over HTTP, as the tenancy matrix sees them from account A. A: an owner, a viewer, tracked page
 * {@link #PAGE_A}, one hourly snapshot. B: an owner, an editor, tracked page {@link #PAGE_B}, one hourly snapshot, and
 * a list cursor B was issued. {@link #PAGE_FREE} is in the pages index and tracked by neither.
 */
record TenancyWorld(
        String aOwner,
        String aViewer,
        String aKey,
        String aId,
        String aName,
        String bOwner,
        String bEditor,
        String bKey,
        String bId,
        String bName,
        String bCursor) {
    static final String PAGE_A = "101";
    static final String PAGE_B = "202";
    static final String PAGE_FREE = "303";
    /** The pages to seed the platform with: {@link #PAGE_A}, {@link #PAGE_B} and {@link #PAGE_FREE}. */
    static final List<PageDocument> PAGES =
            List.of(page(PAGE_A, "Alpha page"), page(PAGE_B, "Bravo page"), page(PAGE_FREE, "Free page"));

    static TenancyWorld make(HttpApiPlatform api) {
        String aOwner = Unique.name("ada");
        String aViewer = Unique.name("vic");
        String aKey = Unique.name("ka");
        String aName = Unique.name("Acme");
        String bOwner = Unique.name("bob");
        String bEditor = Unique.name("bea");
        String bKey = Unique.name("kb");
        String bName = Unique.name("Other");
        String aId = account(api, aOwner, aKey, aName, aViewer, "viewer", PAGE_A);
        String bId = account(api, bOwner, bKey, bName, bEditor, "editor", PAGE_B);
        String bCursor = json(asOwner(api, bOwner, "GET", "/accounts/me/tracked-pages?limit=1", null, 200))
                .path("nextCursor")
                .asText();
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.HOURS);
        snapshot(api, aId, hour, "a-figure");
        snapshot(api, bId, hour, "b-figure-" + bId);
        return new TenancyWorld(aOwner, aViewer, aKey, aId, aName, bOwner, bEditor, bKey, bId, bName, bCursor);
    }

    /** What no answer to A's callers may carry: B's account id, name and users. */
    List<String> bIdentifiers() {
        return List.of(bId, bName, bOwner, bEditor);
    }

    /** The user ids of an account's team, as its owner lists them. */
    List<String> members(HttpApiPlatform api, String owner) {
        return listed(api, owner, "/accounts/me/members", "members", "userId");
    }

    /** The page ids an account tracks, as its owner lists them. */
    List<String> tracked(HttpApiPlatform api, String owner) {
        return listed(api, owner, "/accounts/me/tracked-pages", "pages", "pageId");
    }

    /** The {@code id} of every item of the {@code list} that {@code owner} reads at {@code path}. */
    private static List<String> listed(HttpApiPlatform api, String owner, String path, String list, String id) {
        List<String> ids = new ArrayList<>();
        json(asOwner(api, owner, "GET", path, null, 200))
                .path(list)
                .forEach(item -> ids.add(item.path(id).asText()));
        return ids;
    }

    /** The account's name, as its owner reads it. */
    String name(HttpApiPlatform api, String owner) {
        JsonNode me = json(asOwner(api, owner, "GET", "/accounts/me", null, 200));
        return me.path("name").asText();
    }

    /** A page of the pages index: this name, and fans the tests do not look at. */
    private static PageDocument page(String pageId, String name) {
        return new PageDocument(pageId, name, null, null, 1000 + pageId.length(), false, null);
    }

    /** An account made by {@code owner} with this Idempotency-Key and name, one member in {@code role}, one page tracked. */
    private static String account(
            HttpApiPlatform api, String owner, String key, String name, String member, String role, String page) {
        HttpResponse<String> created = api.send(
                "POST",
                "/accounts",
                HttpApiPlatform.jsonHeaders(api.token(owner, READ_WRITE), key),
                HttpApiPlatform.bytes("{\"name\":\"" + name + "\"}"));
        String id = json(expect(created, 201)).path("accountId").asText();
        asOwner(api, owner, "PUT", "/accounts/me/members/" + member, "{\"role\":\"" + role + "\"}", 201);
        asOwner(api, owner, "PUT", "/accounts/me/tracked-pages/" + page, null, 201);
        return id;
    }

    /** A set-up call as {@code owner}, which must answer {@code status}. */
    private static HttpResponse<String> asOwner(
            HttpApiPlatform api, String owner, String method, String path, String body, int status) {
        return expect(api.send(method, path, api.token(owner, READ_WRITE), body), status);
    }

    /** A snapshot as reporting writes it: the account, {@code hour#start}, and its figures. */
    private static void snapshot(HttpApiPlatform api, String accountId, Instant start, String figure) {
        api.dynamo.putItem(p -> p.tableName(api.table(PulseTopology.REPORTS_TABLE))
                .item(Map.of(
                        "accountId",
                        AttributeValue.fromS(accountId),
                        "periodKey",
                        AttributeValue.fromS("hour#" + start),
                        figure,
                        AttributeValue.fromN("7"))));
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(
                    "set-up call answered " + response.statusCode() + " (expected " + status + "): " + response.body());
        }
        return response;
    }
}
