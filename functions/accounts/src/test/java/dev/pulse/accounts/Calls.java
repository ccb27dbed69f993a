package dev.pulse.accounts;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.pulse.core.testing.SampleEvents;
import java.util.HashMap;
import java.util.Map;

/** Builds the accounts routes' events from Lambda's own JWT-authorized sample, as the authorizer passes them on. */
final class Calls {
    private final APIGatewayV2HTTPEvent event =
            EventLoader.loadApiGatewayHttpEvent(SampleEvents.pathString("http-get-jwt.json"));

    private Calls(String routeKey, String sub) {
        event.setRouteKey(routeKey);
        event.getRequestContext().setRouteKey(routeKey);
        Map<String, String> claims =
                new HashMap<>(event.getRequestContext().getAuthorizer().getJwt().getClaims());
        if (sub == null) {
            event.getRequestContext().setAuthorizer(null);
        } else {
            claims.put("sub", sub);
            event.getRequestContext().getAuthorizer().getJwt().setClaims(claims);
        }
        event.setHeaders(new HashMap<>(event.getHeaders()));
        event.setPathParameters(new HashMap<>());
        event.setQueryStringParameters(new HashMap<>());
    }

    static Calls as(String sub, String routeKey) {
        return new Calls(routeKey, sub);
    }

    Calls path(String name, String value) {
        event.getPathParameters().put(name, value);
        return this;
    }

    Calls query(String name, String value) {
        event.getQueryStringParameters().put(name, value);
        return this;
    }

    Calls header(String name, String value) {
        event.getHeaders().put(name, value);
        return this;
    }

    Calls body(String json) {
        event.setBody(json);
        return this;
    }

    APIGatewayV2HTTPEvent event() {
        return event;
    }
}
