package dev.pulse.mentions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.pulse.core.http.ApiRequests;
import dev.pulse.core.http.ApiResponses;
import dev.pulse.mentions.application.MentionsService;
import dev.pulse.mentions.domain.DirectoryUnavailableException;
import dev.pulse.mentions.domain.InvalidQueryException;
import dev.pulse.mentions.domain.MentionQuery;

/** {@code GET /mentions?q=&limit=}: maps the HTTP API event to a query, and the answer or the failure to JSON. */
public final class MentionsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final System.Logger LOG = System.getLogger(MentionsHandler.class.getName());

    private final MentionsService service;

    /** Lambda's constructor: builds the wiring once per instance. */
    public MentionsHandler() {
        this(MentionsWiring.fromEnvironment().service());
    }

    MentionsHandler(MentionsService service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try {
            MentionQuery query = MentionQuery.parse(
                    ApiRequests.query(event, "q").orElse(null),
                    ApiRequests.query(event, "limit").orElse(null));
            return ApiResponses.ok(service.suggest(query));
        } catch (InvalidQueryException e) {
            return ApiResponses.badRequest(e.code(), e.getMessage());
        } catch (DirectoryUnavailableException e) {
            LOG.log(System.Logger.Level.WARNING, "mentions degraded: {0}", e.getMessage());
            return ApiResponses.unavailable("search_unavailable", "page search is temporarily unavailable");
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "mentions failed", e);
            return ApiResponses.error(500, "internal_error", "unexpected error");
        }
    }
}
