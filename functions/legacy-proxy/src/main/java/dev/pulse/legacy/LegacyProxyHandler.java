package dev.pulse.legacy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.pulse.core.http.ApiRequests;
import dev.pulse.core.http.ApiResponses;
import dev.pulse.legacy.adapter.metrics.EmfProxyMetrics;
import dev.pulse.legacy.application.ProxyService;
import dev.pulse.legacy.domain.BackendResponse;
import dev.pulse.legacy.domain.Hygiene;
import dev.pulse.legacy.domain.ProxyRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** {@code ANY /legacy/{proxy+}}: the event becomes a v1 request, the proxy answers it, the answer becomes a response. */
public final class LegacyProxyHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    /** Where the v1 path starts in the raw path ({@code /legacy/{proxy+}}, after any stage). */
    static final String PREFIX = dev.pulse.core.topology.PulseTopology.LEGACY_PATH + "/";

    private static final System.Logger LOG = System.getLogger(LegacyProxyHandler.class.getName());

    private final ProxyService service;
    private final EmfProxyMetrics metrics;

    /** Lambda's constructor: builds the wiring once per instance. */
    public LegacyProxyHandler() {
        this(LegacyProxyWiring.fromEnvironment());
    }

    private LegacyProxyHandler(LegacyProxyWiring wiring) {
        this(wiring.service(), wiring.metrics());
    }

    LegacyProxyHandler(ProxyService service, EmfProxyMetrics metrics) {
        this.service = service;
        this.metrics = metrics;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try {
            BackendResponse answer = service.handle(request(event));
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(answer.status())
                    .withHeaders(answer.headers())
                    .withBody(answer.body())
                    .withIsBase64Encoded(false)
                    .build();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "legacy proxy failed", e);
            return ApiResponses.error(500, "internal_error", "unexpected error");
        } finally {
            metrics.flush();
        }
    }

    /**
     * The v1 path as the caller sent it, still percent-encoded: the raw path after {@code /legacy/} (API Gateway's
     * {@code proxy} parameter is decoded, and forwarding it decoded would turn {@code %3F} into a query or {@code %2F}
     * into another segment). Only an event without a raw path falls back to the parameter, re-encoded.
     */
    static String v1Path(String rawPath, String proxy) {
        int at = rawPath == null ? -1 : rawPath.indexOf(PREFIX);
        if (at >= 0) {
            return rawPath.substring(at + PREFIX.length() - 1);
        }
        return "/"
                + java.net.URLEncoder.encode(proxy, StandardCharsets.UTF_8)
                        .replace("+", "%20")
                        .replace("%2F", "/");
    }

    static ProxyRequest request(APIGatewayV2HTTPEvent event) {
        String proxy = ApiRequests.pathParameter(event, "proxy").orElse("");
        Map<String, String> headers = new LinkedHashMap<>();
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        }
        byte[] body = event.getBody() == null
                ? new byte[0]
                : event.getIsBase64Encoded()
                        ? Base64.getDecoder().decode(event.getBody())
                        : event.getBody().getBytes(StandardCharsets.UTF_8);
        var http = event.getRequestContext() == null
                ? null
                : event.getRequestContext().getHttp();
        String method = http == null ? "GET" : http.getMethod();
        String source = http == null || http.getSourceIp() == null ? "unknown" : http.getSourceIp();
        String user = headers.get(Hygiene.V1_USER);
        return new ProxyRequest(
                method,
                v1Path(event.getRawPath(), proxy),
                event.getRawQueryString(),
                headers,
                body,
                user == null || user.isBlank() ? "ip:" + source : "user:" + user.strip());
    }
}
