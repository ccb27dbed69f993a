package dev.pulse.accounts;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.pulse.accounts.application.Refusal;
import dev.pulse.accounts.application.StorageUnavailableException;
import dev.pulse.accounts.domain.InvalidInputException;
import dev.pulse.core.http.ApiResponses;

/** Every {@code /accounts} route: runs its route, and maps each failure to its JSON status (never a stack trace). */
public final class AccountsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final System.Logger LOG = System.getLogger(AccountsHandler.class.getName());

    private final AccountsRoutes routes;

    /** Lambda's constructor: builds the wiring once per instance. */
    public AccountsHandler() {
        this(AccountsWiring.fromEnvironment().routes());
    }

    AccountsHandler(AccountsRoutes routes) {
        this.routes = routes;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try {
            return routes.route(event);
        } catch (InvalidInputException e) {
            return ApiResponses.badRequest(
                    "invalid_"
                            + e.field()
                                    .toLowerCase(java.util.Locale.ROOT)
                                    .replace('-', '_')
                                    .replace('.', '_'),
                    e.getMessage());
        } catch (Refusal e) {
            return ApiResponses.error(e.status(), e.code(), e.getMessage());
        } catch (StorageUnavailableException e) {
            LOG.log(System.Logger.Level.WARNING, "accounts degraded: {0}", String.valueOf(e.getCause()));
            return e.search()
                    ? ApiResponses.unavailable("search_unavailable", "page search is temporarily unavailable")
                    : ApiResponses.unavailable("storage_unavailable", "storage is temporarily unavailable");
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "accounts failed", e);
            return ApiResponses.error(500, "internal_error", "unexpected error");
        }
    }
}
