package dev.pulse.tools.legacy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.accounts.application.AccountStore;
import dev.pulse.accounts.application.ReportStore;
import dev.pulse.accounts.application.StorageUnavailableException;
import dev.pulse.accounts.application.TeamStore;
import dev.pulse.accounts.domain.Account;
import dev.pulse.accounts.domain.InvalidInputException;
import dev.pulse.accounts.domain.Membership;
import dev.pulse.accounts.domain.Period;
import dev.pulse.accounts.domain.Snapshot;
import dev.pulse.accounts.domain.UserId;
import dev.pulse.core.json.Json;
import dev.pulse.mentions.application.PageDirectory;
import dev.pulse.mentions.domain.DirectoryUnavailableException;
import dev.pulse.mentions.domain.InvalidQueryException;
import dev.pulse.mentions.domain.MentionQuery;
import dev.pulse.mentions.domain.PageSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The v1 API, answered from Pulse's data the way version 1 did: its search is the naive wildcard, its account and
 * report routes read the same tables, and every body has v1's snake_case fields plus the {@code request_id} and
 * {@code server_time} v1 stamped on each answer. The user is the {@code X-V1-User} header v1's session layer set.
 */
public final class V1Api {
    public static final String USER_HEADER = "x-v1-user";
    public static final String SEARCH = "/api/v1/pages/search";
    public static final String ACCOUNT = "/api/v1/account";
    public static final String HOURLY_REPORTS = "/api/v1/reports/hourly";
    static final int MAX_BODY_BYTES = 64 * 1024;
    static final int DEFAULT_COUNT = 10;
    static final int MAX_REPORT_ROWS = 1_000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final PageDirectory pages;
    private final TeamStore team;
    private final AccountStore accounts;
    private final ReportStore reports;
    private final Clock clock;

    public V1Api(PageDirectory pages, TeamStore team, AccountStore accounts, ReportStore reports, Clock clock) {
        this.pages = pages;
        this.team = team;
        this.accounts = accounts;
        this.reports = reports;
        this.clock = clock;
    }

    /** An answer: status and JSON body. */
    public record Answer(int status, String body) {}

    public Answer answer(String method, String path, Map<String, String> query, Map<String, String> headers) {
        try {
            if (!method.equals("GET")) {
                return error(405, "METHOD_NOT_ALLOWED", "v1 answers GET only");
            }
            return switch (path) {
                case SEARCH -> search(query);
                case ACCOUNT -> account(headers);
                case HOURLY_REPORTS -> hourly(query, headers);
                default -> error(404, "NOT_FOUND", "no such v1 resource: " + path);
            };
        } catch (InvalidQueryException | InvalidInputException e) {
            return error(400, "BAD_REQUEST", e.getMessage());
        } catch (DirectoryUnavailableException | StorageUnavailableException e) {
            return error(503, "UNAVAILABLE", "v1 storage is unavailable");
        } catch (RuntimeException e) {
            return error(500, "INTERNAL", "unexpected error");
        }
    }

    private Answer search(Map<String, String> query) {
        String term = query.get("term");
        String count = query.getOrDefault("count", Integer.toString(DEFAULT_COUNT));
        MentionQuery parsed = MentionQuery.parse(term, count);
        ObjectNode body = ok();
        body.put("term", parsed.query());
        body.put("count", parsed.limit());
        ArrayNode results = body.putArray("data");
        for (PageSummary page : pages.find(parsed).pages()) {
            ObjectNode row = results.addObject();
            row.put("page_id", page.pageId());
            row.put("page_name", page.name());
            row.put("user_name", page.username());
            row.put("category_name", page.category());
            row.put("fan_count", page.fans());
            row.put("is_verified", page.verified());
        }
        return new Answer(200, Json.write(stamped(body)));
    }

    private Answer account(Map<String, String> headers) {
        Optional<Membership> membership = membership(headers);
        if (membership.isEmpty()) {
            return error(404, "NO_ACCOUNT", "the user belongs to no account");
        }
        Optional<Account> found = accounts.find(membership.get().accountId());
        if (found.isEmpty()) {
            return error(404, "NO_ACCOUNT", "the user belongs to no account");
        }
        Account a = found.get();
        ObjectNode body = ok();
        ObjectNode account = body.putObject("account");
        account.put("account_id", a.accountId().value());
        account.put("account_name", a.name().value());
        account.put("plan_name", a.plan().wire());
        account.put("tracked_pages_limit", a.plan().trackedPagesLimit());
        account.put("created_at", a.createdAt().toString());
        return new Answer(200, Json.write(stamped(body)));
    }

    private Answer hourly(Map<String, String> query, Map<String, String> headers) {
        Instant from = instant(query, "from");
        Instant to = instant(query, "to");
        if (from.isAfter(to) || Duration.between(from, to).compareTo(Duration.ofDays(400)) > 0) {
            return error(400, "BAD_REQUEST", "from must be before to, within 400 days");
        }
        Optional<Membership> membership = membership(headers);
        if (membership.isEmpty()) {
            return error(404, "NO_ACCOUNT", "the user belongs to no account");
        }
        ObjectNode body = ok();
        body.put("granularity", "hourly");
        ArrayNode rows = body.putArray("rows");
        for (Snapshot s : reports.snapshots(membership.get().accountId(), Period.HOUR, from, to, MAX_REPORT_ROWS)) {
            ObjectNode row = rows.addObject();
            row.put("period_start", s.start().toString());
            row.put("post_count", number(s.figures().get("postCount")));
            row.put("engagement", number(s.figures().get("engagement")));
            row.put("fans", number(s.figures().get("fans")));
        }
        return new Answer(200, Json.write(stamped(body)));
    }

    /** The signed-in user's membership; v1 refused a request without its session header before any lookup. */
    private Optional<Membership> membership(Map<String, String> headers) {
        String user = headers.get(USER_HEADER);
        if (user == null || user.isBlank()) {
            throw new InvalidInputException("X-V1-User", "v1 needs its session header");
        }
        return team.membershipOf(new UserId(user.strip()));
    }

    private static Instant instant(Map<String, String> query, String name) {
        String text = query.get(name);
        if (text == null) {
            throw new InvalidInputException(name, "is required");
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "must be an ISO-8601 instant");
        }
    }

    private static long number(Object figure) {
        return figure instanceof Number n ? n.longValue() : 0L;
    }

    private static ObjectNode ok() {
        ObjectNode body = NODES.objectNode();
        body.put("status", "ok");
        return body;
    }

    /** Every v1 answer carried a fresh request id and the server's clock, which makes it nondeterministic. */
    private ObjectNode stamped(ObjectNode body) {
        body.put("request_id", UUID.randomUUID().toString());
        body.put("server_time", clock.instant().toString());
        return body;
    }

    private Answer error(int status, String code, String message) {
        ObjectNode body = NODES.objectNode();
        body.put("status", "error");
        body.put("error_code", code);
        body.put("error_message", message);
        return new Answer(status, Json.write(stamped(body)));
    }
}
