package dev.pulse.accounts.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.pulse.accounts.domain.InvalidInputException;
import dev.pulse.accounts.domain.UserId;
import dev.pulse.core.http.ApiRequests;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/** Reads the accounts routes' inputs from an HTTP API event, as domain values or 400s naming the field. */
public final class Requests {
    private static final Instant LAST_INSTANT = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private Requests() {}

    /** The caller: the token's {@code sub}, as the JWT authorizer verified it. Empty without a token. */
    public static Optional<UserId> caller(APIGatewayV2HTTPEvent event) {
        return ApiRequests.claim(event, "sub").map(UserId::new);
    }

    /** A header by its lowercase name (payload 2.0 lowercases them). */
    public static Optional<String> header(APIGatewayV2HTTPEvent event, String name) {
        Map<String, String> headers = event.getHeaders();
        return headers == null ? Optional.empty() : Optional.ofNullable(headers.get(name));
    }

    public static String path(APIGatewayV2HTTPEvent event, String name) {
        return ApiRequests.pathParameter(event, name).orElseThrow(() -> new InvalidInputException(name, "is required"));
    }

    /** An integer query parameter within {@code min..max}. */
    public static int intQuery(APIGatewayV2HTTPEvent event, String name, int fallback, int min, int max) {
        Optional<String> text = ApiRequests.query(event, name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below, with the range.
        }
        throw new InvalidInputException(name, "must be an integer from " + min + " to " + max);
    }

    /**
     * An ISO-8601 instant query parameter, such as {@code 2026-12-01T10:00:00Z}, from 1970 to 9999: within those
     * years the default window's arithmetic cannot overflow, and the instants' text sorts as they do.
     */
    public static Optional<Instant> instantQuery(APIGatewayV2HTTPEvent event, String name) {
        Optional<String> text = ApiRequests.query(event, name);
        Optional<Instant> instant;
        try {
            instant = text.map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "must be an ISO-8601 instant such as 2026-12-01T10:00:00Z");
        }
        if (instant.isPresent()
                && (instant.get().isBefore(Instant.EPOCH) || instant.get().isAfter(LAST_INSTANT))) {
            throw new InvalidInputException(name, "must be an instant from 1970 to 9999");
        }
        return instant;
    }

    /** The version an {@code If-Match} ETag names; empty without the header. */
    public static Optional<Long> ifMatch(APIGatewayV2HTTPEvent event) {
        return header(event, "if-match").map(etag -> {
            String bare = etag.strip();
            if (bare.startsWith("W/")) {
                bare = bare.substring(2);
            }
            if (bare.length() >= 2 && bare.startsWith("\"") && bare.endsWith("\"")) {
                bare = bare.substring(1, bare.length() - 1);
            }
            try {
                return Long.parseLong(bare);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("If-Match", "must be an ETag of GET /accounts/me");
            }
        });
    }

    /** The ETag of a version. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The Idempotency-Key header: 1-128 visible ASCII characters. */
    public static String idempotencyKey(APIGatewayV2HTTPEvent event) {
        String key = header(event, "idempotency-key")
                .orElseThrow(() -> new InvalidInputException("Idempotency-Key", "header is required"));
        if (!key.matches("[\\x21-\\x7e]{1,128}")) {
            throw new InvalidInputException("Idempotency-Key", "must be 1-128 visible ASCII characters");
        }
        return key;
    }
}
