package dev.pulse.local.web;

import java.util.List;
import java.util.Map;

/**
 * The headers every page of the web app carries locally; CloudFront's response-headers policy in the CDK web stack
 * sets the same (plus HSTS, which means nothing over plain http on loopback).
 */
public final class SecurityHeaders {
    /** Scripts, styles and calls only from the app's own origin; never framed. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    static final Map<String, List<String>> LOCAL = Map.of(
            "content-security-policy", List.of(CONTENT_SECURITY_POLICY),
            "x-content-type-options", List.of("nosniff"),
            "x-frame-options", List.of("DENY"),
            "referrer-policy", List.of("no-referrer"),
            "cross-origin-opener-policy", List.of("same-origin"),
            "permissions-policy", List.of("camera=(), microphone=(), geolocation=()"));

    private SecurityHeaders() {}
}
