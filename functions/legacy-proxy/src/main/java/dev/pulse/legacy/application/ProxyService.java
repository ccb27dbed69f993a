package dev.pulse.legacy.application;

import dev.pulse.legacy.domain.BackendResponse;
import dev.pulse.legacy.domain.Hygiene;
import dev.pulse.legacy.domain.LegacyRoute;
import dev.pulse.legacy.domain.LegacyRoutes;
import dev.pulse.legacy.domain.Mode;
import dev.pulse.legacy.domain.ProxyRequest;
import dev.pulse.legacy.domain.RequestTarget;
import dev.pulse.legacy.domain.StickyBucket;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;

/**
 * The proxy: per route mode, answers from legacy or from the new service (through its v1 adapter), falls back to
 * legacy when the new service fails, shadows without adding latency, and feeds the rollback guard: the new service's
 * failures, and (for a sample of the answers it gave in {@code canary}/{@code new}) whether legacy would have answered
 * the same, compared off the request path as the shadow is. Every answer says which backend served it
 * ({@link #BACKEND_HEADER}) and in which mode ({@link #MODE_HEADER}).
 */
public final class ProxyService {
    public static final String BACKEND_HEADER = "x-pulse-backend";
    public static final String MODE_HEADER = "x-pulse-route-mode";
    public static final String LEGACY = "legacy";
    public static final String NEW = "new";
    public static final String FALLBACK = "legacy-fallback";
    static final int MAX_SHADOWS_IN_FLIGHT = 64;

    private final RouteModes modes;
    private final Backend legacy;
    private final NewService newService;
    private final ShadowComparer comparer;
    private final RollbackGuard guard;
    private final ProxyMetrics metrics;
    private final Executor background;
    private final Duration legacyTimeout;
    private final int maxBodyBytes;
    private final BooleanSupplier verifySample;
    private final Clock clock;
    private final Duration staleAfter;
    private final Semaphore shadows = new Semaphore(MAX_SHADOWS_IN_FLIGHT);

    public ProxyService(
            RouteModes modes,
            Backend legacy,
            NewService newService,
            ShadowComparer comparer,
            RollbackGuard guard,
            ProxyMetrics metrics,
            Executor background,
            Duration legacyTimeout,
            int maxBodyBytes,
            BooleanSupplier verifySample,
            Clock clock,
            Duration staleAfter) {
        this.modes = modes;
        this.legacy = legacy;
        this.newService = newService;
        this.comparer = comparer;
        this.guard = guard;
        this.metrics = metrics;
        this.background = background;
        this.legacyTimeout = legacyTimeout;
        this.maxBodyBytes = maxBodyBytes;
        this.verifySample = verifySample;
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    public BackendResponse handle(ProxyRequest request) {
        if (request.body().length > maxBodyBytes) {
            return error(413, "body_too_large", "request bodies are limited to " + maxBodyBytes + " bytes", LEGACY, "");
        }
        Optional<String> badTarget = RequestTarget.problem(request.path(), request.rawQuery());
        if (badTarget.isPresent()) {
            return error(400, "bad_request", badTarget.get(), LEGACY, "");
        }
        Optional<LegacyRoute> found = LegacyRoutes.match(request.method(), request.path());
        if (found.isEmpty()) {
            return fromLegacy(request, "unrouted", Mode.LEGACY, LEGACY);
        }
        LegacyRoute route = found.get();
        Mode mode = modes.mode(route.name());
        return switch (mode.kind()) {
            case LEGACY -> fromLegacy(request, route.name(), mode, LEGACY);
            case SHADOW -> shadowed(route, request, mode);
            case CANARY, NEW ->
                StickyBucket.toNew(mode, request.caller())
                        ? fromNew(route, request, mode)
                        : fromLegacy(request, route.name(), mode, LEGACY);
        };
    }

    private BackendResponse fromNew(LegacyRoute route, ProxyRequest request, Mode mode) {
        try {
            BackendResponse answer = newService.answer(route, request);
            guard.record(route.name(), mode, false);
            metrics.count(route.name(), ProxyMetrics.SERVED_NEW);
            if (verifySample.getAsBoolean()) {
                long startedAt = clock.millis();
                offPath(route, () -> verify(route, request, mode, answer, startedAt));
            }
            return tagged(answer, NEW, mode);
        } catch (Backend.BackendFailure e) {
            metrics.count(route.name(), ProxyMetrics.NEW_FAILURES);
            metrics.count(route.name(), ProxyMetrics.FALLBACKS);
            guard.record(route.name(), mode, true);
            return fromLegacy(request, route.name(), mode, FALLBACK);
        }
    }

    private BackendResponse shadowed(LegacyRoute route, ProxyRequest request, Mode mode) {
        Optional<BackendResponse> primary = callLegacy(request, route.name());
        if (primary.isEmpty()) {
            return legacyDown(mode);
        }
        long startedAt = clock.millis();
        offPath(route, () -> shadow(route, request, primary.get(), startedAt));
        metrics.count(route.name(), ProxyMetrics.SERVED_LEGACY);
        return tagged(primary.get(), LEGACY, mode);
    }

    /** Runs {@code work} in the background, at most {@link #MAX_SHADOWS_IN_FLIGHT} at once; drops (and counts) more. */
    private void offPath(LegacyRoute route, Runnable work) {
        if (!shadows.tryAcquire()) {
            metrics.count(route.name(), ProxyMetrics.SHADOW_DROPPED);
            return;
        }
        try {
            background.execute(() -> {
                try {
                    work.run();
                } finally {
                    shadows.release();
                }
            });
        } catch (RuntimeException rejected) {
            shadows.release();
            metrics.count(route.name(), ProxyMetrics.SHADOW_DROPPED);
        }
    }

    /**
     * Runs off the request path, after the new service answered in {@code canary}/{@code new}: legacy's answer to the
     * same request (and a second one, for noise), compared with what the caller got; the outcome feeds the rollback
     * guard's diff rate. Legacy failing here proves nothing about the new service, so nothing is recorded then.
     */
    private void verify(LegacyRoute route, ProxyRequest request, Mode mode, BackendResponse served, long startedAt) {
        Optional<BackendResponse> primary = callLegacy(request, route.name());
        if (primary.isEmpty()) {
            return;
        }
        Optional<BackendResponse> second = callLegacy(request, route.name());
        if (stale(route, startedAt)) {
            return;
        }
        boolean differed = !comparer.compare(
                        route, request.pathAndQuery(), primary.get(), second.orElse(primary.get()), served)
                .isEmpty();
        guard.recordComparison(route.name(), mode, differed);
    }

    /** Runs off the request path: the new service's answer and a second legacy call (for noise), then compares. */
    private void shadow(LegacyRoute route, ProxyRequest request, BackendResponse primary, long startedAt) {
        BackendResponse candidate;
        try {
            candidate = newService.answer(route, request);
        } catch (Backend.BackendFailure e) {
            metrics.count(route.name(), ProxyMetrics.NEW_FAILURES);
            candidate = new BackendResponse(0, Map.of(), "new service failed: " + e.getMessage());
        }
        Optional<BackendResponse> second = callLegacy(request, route.name());
        if (stale(route, startedAt)) {
            return;
        }
        comparer.compare(route, request.pathAndQuery(), primary, second.orElse(primary), candidate);
    }

    /**
     * Whether background work took longer than its own timeouts allow ({@code staleAfter}): then it was frozen with a
     * Lambda instance after the response (or starved), its calls may have "timed out" at the thaw, and its outcome
     * proves nothing. It is dropped and counted as {@link ProxyMetrics#SHADOW_STALE}, never as a difference.
     */
    private boolean stale(LegacyRoute route, long startedAt) {
        if (clock.millis() - startedAt <= staleAfter.toMillis()) {
            return false;
        }
        metrics.count(route.name(), ProxyMetrics.SHADOW_STALE);
        return true;
    }

    private BackendResponse fromLegacy(ProxyRequest request, String route, Mode mode, String backend) {
        Optional<BackendResponse> answer = callLegacy(request, route);
        if (answer.isEmpty()) {
            return legacyDown(mode);
        }
        metrics.count(route, ProxyMetrics.SERVED_LEGACY);
        return tagged(answer.get(), backend, mode);
    }

    private Optional<BackendResponse> callLegacy(ProxyRequest request, String route) {
        try {
            return Optional.of(legacy.send(
                    request.method(),
                    request.pathAndQuery(),
                    Hygiene.towardsLegacy(request.headers()),
                    request.body(),
                    legacyTimeout));
        } catch (Backend.BackendFailure e) {
            metrics.count(route, ProxyMetrics.LEGACY_FAILURES);
            return Optional.empty();
        }
    }

    private static BackendResponse legacyDown(Mode mode) {
        return error(502, "legacy_unavailable", "the legacy application did not answer", LEGACY, mode.wire());
    }

    private static BackendResponse tagged(BackendResponse answer, String backend, Mode mode) {
        Map<String, String> headers = new LinkedHashMap<>(Hygiene.towardsCaller(answer.headers()));
        headers.put(BACKEND_HEADER, backend);
        headers.put(MODE_HEADER, mode.wire());
        return new BackendResponse(answer.status(), headers, answer.body());
    }

    private static BackendResponse error(int status, String code, String message, String backend, String mode) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json; charset=utf-8");
        headers.put(BACKEND_HEADER, backend);
        if (!mode.isEmpty()) {
            headers.put(MODE_HEADER, mode);
        }
        String body = dev.pulse.core.json.Json.write(Map.of("error", code, "message", message));
        return new BackendResponse(status, headers, body);
    }
}
