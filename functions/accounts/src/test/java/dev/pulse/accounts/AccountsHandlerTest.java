package dev.pulse.accounts;

import static dev.pulse.accounts.TestApp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.accounts.domain.AccountId;
import dev.pulse.accounts.domain.PageId;
import dev.pulse.accounts.domain.Period;
import dev.pulse.accounts.domain.Plan;
import dev.pulse.accounts.domain.Snapshot;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AccountsHandlerTest {
    private final TestApp app = new TestApp();

    @Test
    void givenANewCaller_whenCreating_thenOwnerOfAFreeAccount_withVersionOneAsETag() {
        APIGatewayV2HTTPResponse response = app.call(Calls.as("ada", "POST /accounts")
                .header("idempotency-key", "k1")
                .body("{\"name\":\"Acme\"}"));

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getHeaders()).containsEntry("etag", "\"1\"");
        JsonNode body = json(response);
        assertThat(body.path("name").asText()).isEqualTo("Acme");
        assertThat(body.path("plan").asText()).isEqualTo("free");
        assertThat(body.path("limits").path("trackedPages").asInt()).isEqualTo(10);
        assertThat(body.path("createdAt").asText()).isEqualTo(TestApp.NOW.toString());
        JsonNode members = json(app.call(Calls.as("ada", "GET /accounts/me/members")));
        assertThat(members.path("members").get(0).path("role").asText()).isEqualTo("owner");
    }

    @Test
    void givenTheSameIdempotencyKey_whenCreatingTwice_thenOneAccount_andADifferentKeyConflicts() {
        Calls create = Calls.as("ada", "POST /accounts")
                .header("idempotency-key", "k1")
                .body("{\"name\":\"Acme\"}");
        String first = json(app.call(create)).path("accountId").asText();
        APIGatewayV2HTTPResponse replay = app.call(create);

        assertThat(replay.getStatusCode()).isEqualTo(201);
        assertThat(json(replay).path("accountId").asText()).isEqualTo(first);
        APIGatewayV2HTTPResponse other = app.call(Calls.as("ada", "POST /accounts")
                .header("idempotency-key", "k2")
                .body("{\"name\":\"Two\"}"));
        assertThat(other.getStatusCode()).isEqualTo(409);
        assertThat(json(other).path("error").asText()).isEqualTo("already_member");
    }

    @Test
    void givenNoIdempotencyKey_whenCreating_then400NamingTheHeader() {
        APIGatewayV2HTTPResponse response =
                app.call(Calls.as("ada", "POST /accounts").body("{\"name\":\"Acme\"}"));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).path("message").asText()).startsWith("Idempotency-Key");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"name\":\"\"}",
                "{\"name\":\"a\\u0007b\"}",
                "{\"name\":\"Acme\",\"owner\":\"x\"}",
                "[1]",
                "nope"
            })
    void givenABadBody_whenCreating_then400NamingTheField(String body) {
        APIGatewayV2HTTPResponse response = app.call(
                Calls.as("ada", "POST /accounts").header("idempotency-key", "k").body(body));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).startsWith("invalid_");
        assertThat(json(response).path("message").asText()).containsPattern("^(name|owner|body): ");
        assertThat(response.getBody()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void givenANameOver100Characters_orABodyOver16KB_then400() {
        Calls longName = Calls.as("ada", "POST /accounts")
                .header("idempotency-key", "k")
                .body("{\"name\":\"" + "x".repeat(101) + "\"}");
        Calls huge = Calls.as("ada", "POST /accounts")
                .header("idempotency-key", "k")
                .body("{\"name\":\"" + "x".repeat(17 * 1024) + "\"}");

        assertThat(json(app.call(longName)).path("error").asText()).isEqualTo("invalid_name");
        assertThat(json(app.call(huge)).path("error").asText()).isEqualTo("invalid_body");
    }

    @Test
    void givenNoToken_then401() {
        assertThat(app.call(Calls.as(null, "GET /accounts/me")).getStatusCode()).isEqualTo(401);
    }

    @Test
    void givenACallerWithoutAccount_whenReadingMe_then404() {
        APIGatewayV2HTTPResponse response = app.call(Calls.as("nobody", "GET /accounts/me"));

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(json(response).path("error").asText()).isEqualTo("not_found");
    }

    @Test
    void givenTheCurrentETag_whenPatching_thenRenamed_andTheOldETagIsThen412_andNoneIs428() {
        app.createAccount("ada", "Acme");
        Calls rename = Calls.as("ada", "PATCH /accounts/me")
                .header("if-match", "\"1\"")
                .body("{\"name\":\"Acme 2\"}");

        APIGatewayV2HTTPResponse renamed = app.call(rename);
        assertThat(renamed.getStatusCode()).isEqualTo(200);
        assertThat(renamed.getHeaders()).containsEntry("etag", "\"2\"");
        assertThat(json(app.call(Calls.as("ada", "GET /accounts/me")))
                        .path("name")
                        .asText())
                .isEqualTo("Acme 2");

        assertThat(app.call(rename).getStatusCode()).isEqualTo(412);
        APIGatewayV2HTTPResponse missing =
                app.call(Calls.as("ada", "PATCH /accounts/me").body("{\"name\":\"Acme 3\"}"));
        assertThat(missing.getStatusCode()).isEqualTo(428);
    }

    @Test
    void givenSettings_whenPatched_thenMergedIntoTheStoredOnes_andTheNameKept() {
        app.createAccount("ada", "Acme");
        assertThat(json(app.call(Calls.as("ada", "GET /accounts/me")))
                        .path("settings")
                        .toString())
                .isEqualTo("{\"timezone\":\"UTC\",\"locale\":\"en-US\"}");

        APIGatewayV2HTTPResponse zone = app.call(Calls.as("ada", "PATCH /accounts/me")
                .header("if-match", "\"1\"")
                .body("{\"settings\":{\"timezone\":\"Europe/Paris\"}}"));
        APIGatewayV2HTTPResponse locale = app.call(Calls.as("ada", "PATCH /accounts/me")
                .header("if-match", "\"2\"")
                .body("{\"settings\":{\"locale\":\"fr-FR\"}}"));

        assertThat(zone.getStatusCode()).isEqualTo(200);
        assertThat(locale.getStatusCode()).isEqualTo(200);
        assertThat(locale.getHeaders()).containsEntry("etag", "\"3\"");
        JsonNode me = json(app.call(Calls.as("ada", "GET /accounts/me")));
        assertThat(me.path("name").asText()).isEqualTo("Acme");
        assertThat(me.path("settings").toString()).isEqualTo("{\"timezone\":\"Europe/Paris\",\"locale\":\"fr-FR\"}");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{}|invalid_body",
                "{\"settings\":{}}|invalid_body",
                "{\"settings\":\"UTC\"}|invalid_settings",
                "{\"settings\":{\"theme\":\"dark\"}}|invalid_settings_theme",
                "{\"settings\":{\"timezone\":7}}|invalid_settings_timezone",
                "{\"settings\":{\"timezone\":\"+02:00\"}}|invalid_settings_timezone",
                "{\"settings\":{\"locale\":\"en_US\"}}|invalid_settings_locale",
                "{\"name\":\"ok\",\"plan\":\"agency\"}|invalid_plan"
            })
    void givenABadPatch_then400NamingTheField_andNothingChanged(String body, String error) {
        app.createAccount("ada", "Acme");

        APIGatewayV2HTTPResponse response = app.call(Calls.as("ada", "PATCH /accounts/me")
                .header("if-match", "\"1\"")
                .body(body));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).isEqualTo(error);
        assertThat(app.call(Calls.as("ada", "GET /accounts/me")).getHeaders()).containsEntry("etag", "\"1\"");
    }

    @Test
    void givenAViewer_whenWriting_then403Forbidden_butReadsWork() {
        app.createAccount("ada", "Acme");
        app.call(Calls.as("ada", "PUT /accounts/me/members/{userId}")
                .path("userId", "vic")
                .body("{\"role\":\"viewer\"}"));

        APIGatewayV2HTTPResponse write = app.call(Calls.as("vic", "PATCH /accounts/me")
                .header("if-match", "\"1\"")
                .body("{\"name\":\"Mine\"}"));
        APIGatewayV2HTTPResponse track = app.call(
                Calls.as("vic", "PUT /accounts/me/tracked-pages/{pageId}").path("pageId", "1"));

        assertThat(write.getStatusCode()).isEqualTo(403);
        assertThat(json(write).path("error").asText()).isEqualTo("forbidden");
        assertThat(track.getStatusCode()).isEqualTo(403);
        assertThat(app.call(Calls.as("vic", "GET /accounts/me")).getStatusCode())
                .isEqualTo(200);
    }

    @Test
    void givenTwoAccounts_thenEachSeesOnlyItsOwn() {
        String acme = app.createAccount("ada", "Acme");
        String other = app.createAccount("bob", "Other");

        assertThat(json(app.call(Calls.as("ada", "GET /accounts/me")))
                        .path("accountId")
                        .asText())
                .isEqualTo(acme);
        assertThat(json(app.call(Calls.as("bob", "GET /accounts/me")))
                        .path("accountId")
                        .asText())
                .isEqualTo(other);
        APIGatewayV2HTTPResponse removeForeign =
                app.call(Calls.as("ada", "DELETE /accounts/me/members/{userId}").path("userId", "bob"));
        assertThat(removeForeign.getStatusCode()).isEqualTo(404);
    }

    @Test
    void givenMembers_onlyAnOwnerChangesThem_andTheLastOwnerStays() {
        app.createAccount("ada", "Acme");
        Calls addEditor = Calls.as("ada", "PUT /accounts/me/members/{userId}")
                .path("userId", "eve")
                .body("{\"role\":\"editor\"}");
        assertThat(app.call(addEditor).getStatusCode()).isEqualTo(201);
        assertThat(app.call(addEditor).getStatusCode()).isEqualTo(200);

        APIGatewayV2HTTPResponse byEditor = app.call(Calls.as("eve", "PUT /accounts/me/members/{userId}")
                .path("userId", "zed")
                .body("{\"role\":\"viewer\"}"));
        assertThat(byEditor.getStatusCode()).isEqualTo(403);
        APIGatewayV2HTTPResponse lastOwner =
                app.call(Calls.as("ada", "DELETE /accounts/me/members/{userId}").path("userId", "ada"));
        assertThat(lastOwner.getStatusCode()).isEqualTo(409);
        assertThat(json(lastOwner).path("error").asText()).isEqualTo("last_owner");
        APIGatewayV2HTTPResponse demote = app.call(Calls.as("ada", "PUT /accounts/me/members/{userId}")
                .path("userId", "ada")
                .body("{\"role\":\"viewer\"}"));
        assertThat(demote.getStatusCode()).isEqualTo(409);

        assertThat(app.call(Calls.as("ada", "DELETE /accounts/me/members/{userId}")
                                .path("userId", "eve"))
                        .getStatusCode())
                .isEqualTo(204);
        assertThat(app.call(Calls.as("eve", "GET /accounts/me")).getStatusCode())
                .isEqualTo(404);
    }

    @Test
    void givenAMemberOfAnotherAccount_whenAdded_then409() {
        app.createAccount("ada", "Acme");
        app.createAccount("bob", "Other");

        APIGatewayV2HTTPResponse response = app.call(Calls.as("ada", "PUT /accounts/me/members/{userId}")
                .path("userId", "bob")
                .body("{\"role\":\"editor\"}"));

        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(json(app.call(Calls.as("bob", "GET /accounts/me/members")))
                        .path("members")
                        .size())
                .isEqualTo(1);
    }

    @Test
    void givenAnIndexedPage_whenTracked_then201_thenAgain200_andIngestSideHoldsTheAccount() {
        String acme = app.createAccount("ada", "Acme");
        app.catalog.with("101", "Page 101", 5_000);
        Calls track = Calls.as("ada", "PUT /accounts/me/tracked-pages/{pageId}").path("pageId", "101");

        assertThat(app.call(track).getStatusCode()).isEqualTo(201);
        assertThat(app.call(track).getStatusCode()).isEqualTo(200);

        assertThat(app.tracking.accountsOf(new PageId("101"))).containsExactly(new AccountId(acme));
        JsonNode list = json(app.call(Calls.as("ada", "GET /accounts/me/tracked-pages")));
        assertThat(list.path("pages").get(0).path("name").asText()).isEqualTo("Page 101");
        assertThat(list.path("pages").get(0).path("fans").asLong()).isEqualTo(5_000);
    }

    @Test
    void givenAPageNotInTheIndex_whenTracked_then404UnknownPage_andANonNumericId400() {
        app.createAccount("ada", "Acme");

        APIGatewayV2HTTPResponse unknown = app.call(
                Calls.as("ada", "PUT /accounts/me/tracked-pages/{pageId}").path("pageId", "999"));
        APIGatewayV2HTTPResponse bad = app.call(
                Calls.as("ada", "PUT /accounts/me/tracked-pages/{pageId}").path("pageId", "12a"));

        assertThat(unknown.getStatusCode()).isEqualTo(404);
        assertThat(json(unknown).path("error").asText()).isEqualTo("unknown_page");
        assertThat(bad.getStatusCode()).isEqualTo(400);
        assertThat(json(bad).path("error").asText()).isEqualTo("invalid_pageid");
    }

    @Test
    void givenAnOwnerRemoved_whenReplayingTheCreateWithItsKey_then409_andNoWayBackIn() {
        app.createAccount("ada", "Acme");
        app.call(Calls.as("ada", "PUT /accounts/me/members/{userId}")
                .path("userId", "bob")
                .body("{\"role\":\"owner\"}"));
        assertThat(app.call(Calls.as("bob", "DELETE /accounts/me/members/{userId}")
                                .path("userId", "ada"))
                        .getStatusCode())
                .isEqualTo(204);

        APIGatewayV2HTTPResponse replay = app.call(Calls.as("ada", "POST /accounts")
                .header("idempotency-key", "k-ada")
                .body("{\"name\":\"Acme\"}"));

        assertThat(replay.getStatusCode()).isEqualTo(409);
        assertThat(json(replay).path("error").asText()).isEqualTo("idempotency_key_used");
        assertThat(app.call(Calls.as("ada", "GET /accounts/me")).getStatusCode())
                .isEqualTo(404);
    }

    @Test
    void givenAFinishedCreate_whenReplayed_thenTheSameAccount_andADemotedOwnerStaysDemoted() {
        String id = app.createAccount("ada", "Acme");
        app.call(Calls.as("ada", "PUT /accounts/me/members/{userId}")
                .path("userId", "bob")
                .body("{\"role\":\"owner\"}"));
        app.call(Calls.as("bob", "PUT /accounts/me/members/{userId}")
                .path("userId", "ada")
                .body("{\"role\":\"viewer\"}"));

        APIGatewayV2HTTPResponse replay = app.call(Calls.as("ada", "POST /accounts")
                .header("idempotency-key", "k-ada")
                .body("{\"name\":\"Acme\"}"));

        assertThat(json(replay).path("accountId").asText()).isEqualTo(id);
        APIGatewayV2HTTPResponse write = app.call(
                Calls.as("ada", "PUT /accounts/me/tracked-pages/{pageId}").path("pageId", "1"));
        assertThat(write.getStatusCode()).isEqualTo(403);
    }

    @Test
    void givenAPlanChange_thenTheAccountShowsItsLimit_underANewETag_andTracksPastTheOldLimit() {
        String id = app.createAccount("ada", "Acme");
        for (int i = 1; i <= 11; i++) {
            app.catalog.with(Integer.toString(i), "P" + i, i);
            if (i <= 10) {
                app.call(Calls.as("ada", "PUT /accounts/me/tracked-pages/{pageId}")
                        .path("pageId", "" + i));
            }
        }
        String etagBefore =
                app.call(Calls.as("ada", "GET /accounts/me")).getHeaders().get("etag");

        app.accountService.changePlan(new AccountId(id), Plan.PRO);

        APIGatewayV2HTTPResponse me = app.call(Calls.as("ada", "GET /accounts/me"));
        assertThat(json(me).path("plan").asText()).isEqualTo("pro");
        assertThat(json(me).path("limits").path("trackedPages").asInt()).isEqualTo(100);
        assertThat(me.getHeaders().get("etag")).isNotEqualTo(etagBefore);
        assertThat(app.call(Calls.as("ada", "PUT /accounts/me/tracked-pages/{pageId}")
                                .path("pageId", "11"))
                        .getStatusCode())
                .isEqualTo(201);
    }

    @Test
    void givenTheFreePlansTenPages_whenAnEleventh_then409LimitReached() {
        app.createAccount("ada", "Acme");
        for (int i = 1; i <= 11; i++) {
            app.catalog.with(Integer.toString(i), "P" + i, i);
        }
        for (int i = 1; i <= 10; i++) {
            assertThat(app.call(Calls.as("ada", "PUT /accounts/me/tracked-pages/{pageId}")
                                    .path("pageId", Integer.toString(i)))
                            .getStatusCode())
                    .isEqualTo(201);
        }

        APIGatewayV2HTTPResponse eleventh = app.call(
                Calls.as("ada", "PUT /accounts/me/tracked-pages/{pageId}").path("pageId", "11"));

        assertThat(eleventh.getStatusCode()).isEqualTo(409);
        assertThat(json(eleventh).path("error").asText()).isEqualTo("limit_reached");
    }

    @Test
    void givenATrackedPage_whenUntracked_then204_thenAgain404_andIngestSideIsEmpty() {
        app.createAccount("ada", "Acme");
        app.catalog.with("5", "Five", 5);
        app.call(Calls.as("ada", "PUT /accounts/me/tracked-pages/{pageId}").path("pageId", "5"));
        Calls untrack =
                Calls.as("ada", "DELETE /accounts/me/tracked-pages/{pageId}").path("pageId", "5");

        assertThat(app.call(untrack).getStatusCode()).isEqualTo(204);
        assertThat(app.call(untrack).getStatusCode()).isEqualTo(404);
        assertThat(app.tracking.accountsOf(new PageId("5"))).isEmpty();
    }

    @Test
    void givenFivePages_whenListedTwoAtATime_thenEveryPageOnce_andTheCursorIsSignedForTheAccount() {
        app.createAccount("ada", "Acme");
        app.createAccount("bob", "Other");
        for (int i = 1; i <= 5; i++) {
            app.catalog.with("10" + i, "P", i);
            app.call(Calls.as("ada", "PUT /accounts/me/tracked-pages/{pageId}").path("pageId", "10" + i));
        }
        JsonNode first =
                json(app.call(Calls.as("ada", "GET /accounts/me/tracked-pages").query("limit", "2")));
        String cursor = first.path("nextCursor").asText();
        JsonNode second = json(app.call(Calls.as("ada", "GET /accounts/me/tracked-pages")
                .query("limit", "2")
                .query("cursor", cursor)));

        assertThat(first.path("pages").findValuesAsText("pageId")).containsExactly("101", "102");
        assertThat(second.path("pages").findValuesAsText("pageId")).containsExactly("103", "104");
        APIGatewayV2HTTPResponse replayedByBob =
                app.call(Calls.as("bob", "GET /accounts/me/tracked-pages").query("cursor", cursor));
        assertThat(replayedByBob.getStatusCode()).isEqualTo(400);
        assertThat(json(replayedByBob).path("error").asText()).isEqualTo("invalid_cursor");
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "MTAx.AAAA", "..", "MTAx"})
    void givenAMalformedOrForgedCursor_then400Cursor(String cursor) {
        app.createAccount("ada", "Acme");

        APIGatewayV2HTTPResponse response =
                app.call(Calls.as("ada", "GET /accounts/me/tracked-pages").query("cursor", cursor));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).isEqualTo("invalid_cursor");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "ten"})
    void givenALimitOutOfRange_then400Limit(String limit) {
        app.createAccount("ada", "Acme");

        APIGatewayV2HTTPResponse response =
                app.call(Calls.as("ada", "GET /accounts/me/tracked-pages").query("limit", limit));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).isEqualTo("invalid_limit");
    }

    @Test
    void givenNoReports_thenAnEmptyDashboard_andAnUnknownPeriod400() {
        app.createAccount("ada", "Acme");

        JsonNode empty = json(
                app.call(Calls.as("ada", "GET /accounts/me/dashboards/{period}").path("period", "hour")));
        APIGatewayV2HTTPResponse week =
                app.call(Calls.as("ada", "GET /accounts/me/dashboards/{period}").path("period", "week"));

        assertThat(empty.path("snapshots").isArray()).isTrue();
        assertThat(empty.path("snapshots").size()).isZero();
        assertThat(week.getStatusCode()).isEqualTo(400);
        assertThat(json(week).path("error").asText()).isEqualTo("invalid_period");
    }

    @Test
    void givenReports_thenThePeriodsSnapshotsInRange_oldestFirst_andOtherAccountsSeeNone() {
        String acme = app.createAccount("ada", "Acme");
        app.createAccount("bob", "Other");
        AccountId id = new AccountId(acme);
        for (String hour : new String[] {"2026-12-01T11:00:00Z", "2026-12-01T09:00:00Z", "2026-12-01T10:00:00Z"}) {
            app.reports.put(id, Period.HOUR, new Snapshot(Instant.parse(hour), Map.of("posts", 3)));
        }
        app.reports.put(id, Period.DAY, new Snapshot(Instant.parse("2026-12-01T00:00:00Z"), Map.of("posts", 9)));
        Calls hours = Calls.as("ada", "GET /accounts/me/dashboards/{period}")
                .path("period", "hour")
                .query("from", "2026-12-01T09:30:00Z")
                .query("to", "2026-12-01T11:00:00Z");

        JsonNode body = json(app.call(hours));

        assertThat(body.path("snapshots").findValuesAsText("start"))
                .containsExactly("2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z");
        assertThat(body.path("snapshots").get(0).path("figures").path("posts").asInt())
                .isEqualTo(3);
        JsonNode bobs = json(app.call(Calls.as("bob", "GET /accounts/me/dashboards/{period}")
                .path("period", "hour")
                .query("from", "2026-12-01T09:30:00Z")
                .query("to", "2026-12-01T11:00:00Z")));
        assertThat(bobs.path("snapshots").size()).isZero();
        APIGatewayV2HTTPResponse badFrom = app.call(Calls.as("ada", "GET /accounts/me/dashboards/{period}")
                .path("period", "day")
                .query("from", "yesterday"));
        assertThat(json(badFrom).path("error").asText()).isEqualTo("invalid_from");
    }
}
