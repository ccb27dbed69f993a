package dev.pulse.accounts;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.accounts.application.AccountService;
import dev.pulse.accounts.application.Cursors;
import dev.pulse.accounts.application.DashboardService;
import dev.pulse.accounts.application.InMemoryStores;
import dev.pulse.accounts.application.TeamService;
import dev.pulse.accounts.application.TrackingService;
import dev.pulse.accounts.domain.AccountId;
import dev.pulse.core.json.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The accounts handler over in-memory stores, as a unit test drives it. */
final class TestApp {
    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    final InMemoryStores.Accounts accounts = new InMemoryStores.Accounts();
    final InMemoryStores.Team team = new InMemoryStores.Team();
    final InMemoryStores.Pages pages = new InMemoryStores.Pages();
    final InMemoryStores.Tracking tracking = new InMemoryStores.Tracking();
    final InMemoryStores.Catalog catalog = new InMemoryStores.Catalog();
    final InMemoryStores.Reports reports = new InMemoryStores.Reports();
    final AccountService accountService;
    final AccountsHandler handler;

    TestApp() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        this.accountService =
                new AccountService(accounts, team, new InMemoryStores.Idempotency(), clock, AccountId::random);
        this.handler = new AccountsHandler(new AccountsRoutes(
                accountService,
                new TeamService(accounts, team),
                new TrackingService(
                        accounts,
                        team,
                        pages,
                        tracking,
                        catalog,
                        new Cursors(() -> "a test key of at least 16 bytes".getBytes()),
                        clock),
                new DashboardService(reports, team),
                clock));
    }

    APIGatewayV2HTTPResponse call(Calls call) {
        return handler.handleRequest(call.event(), null);
    }

    static JsonNode json(APIGatewayV2HTTPResponse response) {
        return Json.read(response.getBody(), JsonNode.class);
    }

    /** Creates an account owned by {@code sub}; returns its id. */
    String createAccount(String sub, String name) {
        APIGatewayV2HTTPResponse response = call(Calls.as(sub, "POST /accounts")
                .header("idempotency-key", "k-" + sub)
                .body("{\"name\":\"" + name + "\"}"));
        if (response.getStatusCode() != 201) {
            throw new AssertionError("create failed: " + response.getBody());
        }
        return json(response).path("accountId").asText();
    }
}
