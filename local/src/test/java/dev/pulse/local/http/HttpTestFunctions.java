package dev.pulse.local.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.pulse.core.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test functions for the HTTP API emulator, loaded by class name like real handlers. */
public final class HttpTestFunctions {
    private HttpTestFunctions() {}

    /** Echoes what it received (as typed by Lambda's serializer) plus its context, as a JSON body. */
    public static final class Echo implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
        @Override
        public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
            Map<String, Object> echo = new LinkedHashMap<>();
            echo.put("routeKey", event.getRouteKey());
            echo.put("rawQueryString", event.getRawQueryString());
            echo.put("query", event.getQueryStringParameters());
            echo.put("path", event.getPathParameters());
            echo.put("cookies", event.getCookies());
            echo.put("headers", event.getHeaders());
            echo.put("body", event.getBody());
            echo.put("base64", event.getIsBase64Encoded());
            echo.put("method", event.getRequestContext().getHttp().getMethod());
            echo.put("stage", event.getRequestContext().getStage());
            echo.put("requestId", event.getRequestContext().getRequestId());
            if (event.getRequestContext().getAuthorizer() != null) {
                echo.put(
                        "claims",
                        event.getRequestContext().getAuthorizer().getJwt().getClaims());
                echo.put(
                        "scopes",
                        event.getRequestContext().getAuthorizer().getJwt().getScopes());
            }
            echo.put("functionName", context.getFunctionName());
            echo.put("memory", context.getMemoryLimitInMB());
            echo.put("logGroup", context.getLogGroupName());
            echo.put("remainingMs", context.getRemainingTimeInMillis());
            echo.put("env", System.getenv("AWS_LAMBDA_FUNCTION_NAME"));
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(201)
                    .withHeaders(Map.of("content-type", "application/json", "x-echo", "yes"))
                    .withCookies(List.of("a=1", "b=2"))
                    .withBody(Json.write(echo))
                    .build();
        }
    }

    /** Always throws. */
    public static final class Throwing implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
        @Override
        public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
            throw new IllegalStateException("boom with a secret stack trace");
        }
    }

    /** Sleeps far past its one-second timeout. */
    public static final class Slow implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
        @Override
        public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200).build();
        }
    }

    /** Returns the request body's bytes back as a base64-encoded binary response. */
    public static final class Binary implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
        @Override
        public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(200)
                    .withHeaders(Map.of("content-type", "application/octet-stream"))
                    .withBody(event.getBody())
                    .withIsBase64Encoded(event.getIsBase64Encoded())
                    .build();
        }
    }

    /** Returns a plain object, without statusCode: API Gateway infers a 200 JSON response. */
    public static final class Plain implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            return Map.of("hello", "world");
        }
    }
}
