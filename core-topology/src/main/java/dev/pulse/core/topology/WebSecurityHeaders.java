package dev.pulse.core.topology;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The web app's security headers, declared once: the local runtime serves {@link #plainHttp()} with every file, and
 * the CDK web stack turns {@link #https(List)} into CloudFront's response-headers policy, so the two cannot drift.
 * Header names are lower case, as HTTP/2 sends them.
 */
public final class WebSecurityHeaders {
    public static final String CONTENT_SECURITY_POLICY = "content-security-policy";
    public static final String STRICT_TRANSPORT_SECURITY = "strict-transport-security";
    public static final String FRAME_OPTIONS = "x-frame-options";
    public static final String CONTENT_TYPE_OPTIONS = "x-content-type-options";
    public static final String REFERRER_POLICY = "referrer-policy";
    public static final String OPENER_POLICY = "cross-origin-opener-policy";
    public static final String PERMISSIONS_POLICY = "permissions-policy";

    /** A year: long enough for the browsers' preload lists. */
    public static final long HSTS_MAX_AGE_SECONDS = 31_536_000;

    public static final boolean HSTS_INCLUDE_SUBDOMAINS = true;
    public static final String FRAME_OPTION = "DENY";
    public static final String REFERRER = "no-referrer";

    private WebSecurityHeaders() {}

    /**
     * Scripts, styles and calls only from the app's own origin (plus {@code connectSources}: in AWS the hosted UI's
     * token endpoint, for the PKCE exchange); never framed.
     */
    public static String contentSecurityPolicy(List<String> connectSources) {
        String connect = String.join(" ", concat(List.of("'self'"), connectSources));
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src " + connect + "; object-src 'none'; base-uri 'none'; form-action 'self'; "
                + "frame-ancestors 'none'";
    }

    /** Every header, as CloudFront serves them over HTTPS: the policy allowing {@code connectSources}, and HSTS. */
    public static Map<String, String> https(List<String> connectSources) {
        Map<String, String> headers = common(connectSources);
        headers.put(
                STRICT_TRANSPORT_SECURITY,
                "max-age=" + HSTS_MAX_AGE_SECONDS + (HSTS_INCLUDE_SUBDOMAINS ? "; includeSubDomains" : ""));
        return headers;
    }

    /** The headers over plain http on loopback: the same, less HSTS, which browsers ignore on http. */
    public static Map<String, String> plainHttp() {
        return common(List.of());
    }

    /** The headers CloudFront's security-headers settings have no field for; the stack sends them as custom headers. */
    public static Map<String, String> customHeaders() {
        Map<String, String> headers = new LinkedHashMap<>(plainHttp());
        List.of(CONTENT_SECURITY_POLICY, FRAME_OPTIONS, CONTENT_TYPE_OPTIONS, REFERRER_POLICY)
                .forEach(headers::remove);
        return headers;
    }

    private static Map<String, String> common(List<String> connectSources) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CONTENT_SECURITY_POLICY, contentSecurityPolicy(connectSources));
        headers.put(CONTENT_TYPE_OPTIONS, "nosniff");
        headers.put(FRAME_OPTIONS, FRAME_OPTION);
        headers.put(REFERRER_POLICY, REFERRER);
        headers.put(OPENER_POLICY, "same-origin");
        headers.put(PERMISSIONS_POLICY, "camera=(), microphone=(), geolocation=()");
        return headers;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
