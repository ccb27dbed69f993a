package dev.pulse.mentions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;

/** A minimal stand-in for API Gateway on loopback: GET query string to a payload-2.0 event, response back to HTTP. */
public final class LoopbackHttpApi implements AutoCloseable {
    private final HttpServer server;

    public LoopbackHttpApi(MentionsHandler handler) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/mentions", exchange -> {
            APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
            event.setRawPath("/mentions");
            event.setQueryStringParameters(params(exchange.getRequestURI().getRawQuery()));
            APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
            byte[] body = response.getBody().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("content-type", "application/json");
            exchange.sendResponseHeaders(response.getStatusCode(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    public URI uri(String q) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mentions?q="
                + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8));
    }

    private static Map<String, String> params(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(
                            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
