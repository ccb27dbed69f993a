package dev.pulse.tools.it;

import static dev.pulse.tools.it.AccountsApi.READ_WRITE;
import static dev.pulse.tools.it.AccountsApi.json;

import com.fasterxml.jackson.databind.JsonNode;
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
    static final Map<String, String> PAGES = Map.of(PAGE_A, "Alpha page", PAGE_B, "Bravo page", PAGE_FREE, "Free page");

    static TenancyWorld make(AccountsApi api) {
        String aOwner = Unique.name("ada");
        String aViewer = Unique.name("vic");
        String aKey = Unique.name("ka");
        String aName = Unique.name("Acme");
        String bOwner = Unique.name("bob");
        String bEditor = Unique.name("bea");
        String bKey = Unique.name("kb");
        String bName = Unique.name("Other");
        String aId = create(api, aOwner, aKey, aName);
        expect(
                api.send(
                        "PUT",
                        "/accounts/me/members/" + aViewer,
                        api.token(aOwner, READ_WRITE),
                        "{\"role\":\"viewer\"}"),
                201);
        expect(api.send("PUT", "/accounts/me/tracked-pages/" + PAGE_A, api.token(aOwner, READ_WRITE), null), 201);
        String bId = create(api, bOwner, bKey, bName);
        expect(
                api.send(
                        "PUT",
                        "/accounts/me/members/" + bEditor,
                        api.token(bOwner, READ_WRITE),
                        "{\"role\":\"editor\"}"),
                201);
        expect(api.send("PUT", "/accounts/me/tracked-pages/" + PAGE_B, api.token(bOwner, READ_WRITE), null), 201);
        String bCursor = json(expect(
                        api.send("GET", "/accounts/me/tracked-pages?limit=1", api.token(bOwner, READ_WRITE), null),
                        200))
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
    List<String> members(AccountsApi api, String owner) {
        List<String> ids = new ArrayList<>();
        json(expect(api.send("GET", "/accounts/me/members", api.token(owner, READ_WRITE), null), 200))
                .path("members")
                .forEach(m -> ids.add(m.path("userId").asText()));
        return ids;
    }

    /** The page ids an account tracks, as its owner lists them. */
    List<String> tracked(AccountsApi api, String owner) {
        List<String> ids = new ArrayList<>();
        json(expect(api.send("GET", "/accounts/me/tracked-pages", api.token(owner, READ_WRITE), null), 200))
                .path("pages")
                .forEach(p -> ids.add(p.path("pageId").asText()));
        return ids;
    }

    /** The account's name, as its owner reads it. */
    String name(AccountsApi api, String owner) {
        JsonNode me = json(expect(api.send("GET", "/accounts/me", api.token(owner, READ_WRITE), null), 200));
        return me.path("name").asText();
    }

    private static String create(AccountsApi api, String owner, String key, String name) {
        HttpResponse<String> created = api.send(
                "POST",
                "/accounts",
                Map.of(
                        "content-type",
                        "application/json",
                        "idempotency-key",
                        key,
                        "authorization",
                        "Bearer " + api.token(owner, READ_WRITE)),
                ("{\"name\":\"" + name + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return json(expect(created, 201)).path("accountId").asText();
    }

    /** A snapshot as reporting writes it: the account, {@code hour#start}, and its figures. */
    private static void snapshot(AccountsApi api, String accountId, Instant start, String figure) {
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
