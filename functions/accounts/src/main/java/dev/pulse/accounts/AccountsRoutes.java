package dev.pulse.accounts;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.pulse.accounts.application.AccountService;
import dev.pulse.accounts.application.DashboardService;
import dev.pulse.accounts.application.Refusal;
import dev.pulse.accounts.application.TeamService;
import dev.pulse.accounts.application.TrackingService;
import dev.pulse.accounts.domain.Account;
import dev.pulse.accounts.domain.AccountName;
import dev.pulse.accounts.domain.InvalidInputException;
import dev.pulse.accounts.domain.Member;
import dev.pulse.accounts.domain.PageId;
import dev.pulse.accounts.domain.Period;
import dev.pulse.accounts.domain.Role;
import dev.pulse.accounts.domain.UserId;
import dev.pulse.accounts.http.JsonBody;
import dev.pulse.accounts.http.Requests;
import dev.pulse.accounts.http.Views;
import dev.pulse.core.http.ApiRequests;
import dev.pulse.core.http.ApiResponses;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Maps each accounts route key to its use case: event → command → service → JSON. */
final class AccountsRoutes {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final AccountService accounts;
    private final TeamService team;
    private final TrackingService tracking;
    private final DashboardService dashboards;
    private final Clock clock;

    AccountsRoutes(
            AccountService accounts,
            TeamService team,
            TrackingService tracking,
            DashboardService dashboards,
            Clock clock) {
        this.accounts = accounts;
        this.team = team;
        this.tracking = tracking;
        this.dashboards = dashboards;
        this.clock = clock;
    }

    APIGatewayV2HTTPResponse route(APIGatewayV2HTTPEvent event) {
        UserId caller = Requests.caller(event).orElse(null);
        if (caller == null) {
            return ApiResponses.error(401, "unauthorized", "a bearer token is required");
        }
        String routeKey = event.getRouteKey() == null ? "" : event.getRouteKey();
        return switch (routeKey) {
            case "POST /accounts" -> create(event, caller);
            case "GET /accounts/me" -> withEtag(200, accounts.mine(caller));
            case "PATCH /accounts/me" -> patch(event, caller);
            case "GET /accounts/me/members" ->
                ApiResponses.ok(new Views.MembersView(
                        team.members(caller).stream().map(Views.MemberView::of).toList()));
            case "PUT /accounts/me/members/{userId}" -> putMember(event, caller);
            case "DELETE /accounts/me/members/{userId}" -> {
                team.remove(caller, new UserId(Requests.path(event, "userId")));
                yield noContent();
            }
            case "GET /accounts/me/tracked-pages" -> ApiResponses.ok(trackedPages(event, caller));
            case "PUT /accounts/me/tracked-pages/{pageId}" -> {
                PageId page = new PageId(Requests.path(event, "pageId"));
                boolean created = tracking.track(caller, page);
                yield ApiResponses.json(created ? 201 : 200, new Views.TrackedView(page.value(), true));
            }
            case "DELETE /accounts/me/tracked-pages/{pageId}" -> {
                tracking.untrack(caller, new PageId(Requests.path(event, "pageId")));
                yield noContent();
            }
            case "GET /accounts/me/dashboards/{period}" -> dashboard(event, caller);
            default -> ApiResponses.error(404, "not_found", "no route " + routeKey);
        };
    }

    private APIGatewayV2HTTPResponse create(APIGatewayV2HTTPEvent event, UserId caller) {
        String key = Requests.idempotencyKey(event);
        JsonBody body = JsonBody.parse(event.getBody(), event.getIsBase64Encoded(), Set.of("name"));
        return withEtag(201, accounts.create(caller, key, new AccountName(body.requiredText("name"))));
    }

    private APIGatewayV2HTTPResponse patch(APIGatewayV2HTTPEvent event, UserId caller) {
        JsonBody body = JsonBody.parse(event.getBody(), event.getIsBase64Encoded(), Set.of("name", "settings"));
        Optional<JsonBody> settings = body.object("settings", Set.of("timezone", "locale"));
        AccountService.Changes changes = new AccountService.Changes(
                body.text("name").map(AccountName::new),
                settings.flatMap(s -> s.text("timezone")),
                settings.flatMap(s -> s.text("locale")));
        if (changes.name().isEmpty()
                && changes.timezone().isEmpty()
                && changes.locale().isEmpty()) {
            throw new InvalidInputException("body", "must change name or settings");
        }
        long expected = Requests.ifMatch(event).orElseThrow(Refusal::versionRequired);
        return withEtag(200, accounts.update(caller, expected, changes));
    }

    private APIGatewayV2HTTPResponse putMember(APIGatewayV2HTTPEvent event, UserId caller) {
        UserId user = new UserId(Requests.path(event, "userId"));
        JsonBody body = JsonBody.parse(event.getBody(), event.getIsBase64Encoded(), Set.of("role"));
        Member member = new Member(user, Role.parse(body.requiredText("role")));
        boolean created = team.put(caller, member);
        return ApiResponses.json(created ? 201 : 200, Views.MemberView.of(member));
    }

    private Views.TrackedPagesView trackedPages(APIGatewayV2HTTPEvent event, UserId caller) {
        int limit = Requests.intQuery(event, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        TrackingService.PageList list = tracking.list(caller, ApiRequests.query(event, "cursor"), limit);
        return new Views.TrackedPagesView(
                list.pages().stream().map(Views.TrackedPageView::of).toList(),
                list.nextCursor().orElse(null));
    }

    private APIGatewayV2HTTPResponse dashboard(APIGatewayV2HTTPEvent event, UserId caller) {
        Period period = Period.parse(Requests.path(event, "period"));
        Instant to = Requests.instantQuery(event, "to").orElseGet(clock::instant);
        Instant from = Requests.instantQuery(event, "from")
                .orElseGet(() -> to.minus(period == Period.HOUR ? Duration.ofDays(2) : Duration.ofDays(90)));
        return ApiResponses.ok(
                Views.DashboardView.of(period, from, to, dashboards.snapshots(caller, period, from, to)));
    }

    private static APIGatewayV2HTTPResponse withEtag(int status, Account account) {
        APIGatewayV2HTTPResponse response = ApiResponses.json(status, Views.AccountView.of(account));
        Map<String, String> headers = new HashMap<>(response.getHeaders());
        headers.put("etag", Requests.etag(account.version()));
        response.setHeaders(headers);
        return response;
    }

    private static APIGatewayV2HTTPResponse noContent() {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(204)
                .withHeaders(Map.of("cache-control", "no-store"))
                .withIsBase64Encoded(false)
                .build();
    }
}
