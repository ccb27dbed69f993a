package dev.pulse.legacy.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.legacy.domain.BackendResponse;
import dev.pulse.legacy.domain.LegacyRoutes;
import dev.pulse.legacy.domain.Mode;
import dev.pulse.legacy.domain.NoiseModel;
import dev.pulse.legacy.domain.ProxyRequest;
import dev.pulse.legacy.domain.StickyBucket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The proxy's decisions over fakes: which backend answers, fallback, rollback, shadow and its noise learning. */
class ProxyServiceTest {
    static final String SEARCH = "/api/v1/pages/search";
    final RollbackGuardTest.MovableClock clock =
            new RollbackGuardTest.MovableClock(Instant.parse("2026-12-02T10:00:00Z"));
    final InMemoryRouteModes modes = new InMemoryRouteModes();
    final Map<String, AtomicInteger> counted = new ConcurrentHashMap<>();
    final ProxyMetrics metrics = (route, metric) ->
            counted.computeIfAbsent(metric, m -> new AtomicInteger()).incrementAndGet();
    final List<DiffSamples.Sample> samples = new ArrayList<>();
    final AtomicReference<Map<String, String>> legacyHeaders = new AtomicReference<>();
    final AtomicInteger legacyCalls = new AtomicInteger();
    final AtomicReference<Boolean> legacyUp = new AtomicReference<>(true);
    final AtomicBoolean verifying = new AtomicBoolean(false);
    final AtomicReference<NewService> newService = new AtomicReference<>((route, request) -> v1("new"));

    final Backend legacy = (method, path, headers, body, timeout) -> {
        legacyHeaders.set(headers);
        if (!legacyUp.get()) {
            throw new Backend.BackendFailure("refused", null, false);
        }
        return v1("legacy-" + legacyCalls.incrementAndGet());
    };

    final ProxyService service = new ProxyService(
            modes,
            legacy,
            (route, request) -> newService.get().answer(route, request),
            new ShadowComparer(
                    new NoiseModel(),
                    new DiffSamples() {
                        @Override
                        public synchronized void record(Sample sample) {
                            samples.add(sample);
                        }

                        @Override
                        public List<Sample> recent(String route) {
                            return samples;
                        }
                    },
                    metrics,
                    clock),
            new RollbackGuard(modes, metrics, clock, new RollbackGuard.Limits(Duration.ofSeconds(60), 0.5, 4, 0.5, 4)),
            metrics,
            Runnable::run, // shadows run inline here, so the test sees them at once
            Duration.ofSeconds(1),
            1024,
            () -> verifying.get(),
            clock,
            Duration.ofSeconds(5));

    /** A v1 search answer whose request id says who made it, and one page. */
    static BackendResponse v1(String requestId) {
        return new BackendResponse(
                200,
                Map.of("content-type", "application/json", "connection", "close"),
                "{\"status\":\"ok\",\"data\":[{\"page_id\":\"1\",\"fan_count\":5}],\"request_id\":\"" + requestId
                        + "\",\"server_time\":\"" + requestId + "\"}");
    }

    static ProxyRequest search(String caller) {
        return new ProxyRequest(
                "GET",
                SEARCH,
                "term=ni",
                Map.of("authorization", "Bearer t", "x-v1-user", caller, "connection", "keep-alive"),
                new byte[0],
                "user:" + caller);
    }

    void set(Mode mode) {
        modes.change(
                LegacyRoutes.PAGES_SEARCH, modes.mode(LegacyRoutes.PAGES_SEARCH), mode, "test", "", clock.instant());
    }

    @Test
    void givenLegacyMode_thenLegacyAnswers_withoutTheTokenOrHopByHopHeaders_andSaysSo() {
        BackendResponse answer = service.handle(search("ada"));

        assertThat(answer.headers())
                .containsEntry(ProxyService.BACKEND_HEADER, "legacy")
                .doesNotContainKey("connection");
        assertThat(legacyHeaders.get()).containsKey("x-v1-user").doesNotContainKeys("authorization", "connection");
    }

    @Test
    void givenLegacyDown_thenA502JsonAnswer() {
        legacyUp.set(false);

        BackendResponse answer = service.handle(search("ada"));

        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.body()).contains("\"error\":\"legacy_unavailable\"");
    }

    @Test
    void givenNewMode_whenTheNewServiceFails_thenLegacyAnswersAsFallback() {
        set(Mode.NEW);
        newService.set((route, request) -> {
            throw new Backend.BackendFailure("timed out", null, true);
        });

        BackendResponse answer = service.handle(search("ada"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers()).containsEntry(ProxyService.BACKEND_HEADER, "legacy-fallback");
        assertThat(counted.get(ProxyMetrics.FALLBACKS)).hasValue(1);
    }

    @Test
    void givenCanary_thenEachCallerStaysOnItsBackend() {
        set(Mode.canary(50));
        for (int i = 0; i < 50; i++) {
            String caller = "u" + i;
            String expected = StickyBucket.toNew(Mode.canary(50), "user:" + caller) ? "new" : "legacy";
            for (int repeat = 0; repeat < 3; repeat++) {
                assertThat(service.handle(search(caller)).headers().get(ProxyService.BACKEND_HEADER))
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void givenAnErrorBurstInNewMode_thenTheRouteRollsBackToLegacy_auditedAndCounted() {
        set(Mode.NEW);
        newService.set((route, request) -> {
            throw new Backend.BackendFailure("500", null, false);
        });

        for (int i = 0; i < 4; i++) {
            service.handle(search("ada"));
        }

        assertThat(modes.mode(LegacyRoutes.PAGES_SEARCH)).isEqualTo(Mode.LEGACY);
        RouteModes.ModeChange last = modes.changes(LegacyRoutes.PAGES_SEARCH, 1).getFirst();
        assertThat(last.who()).isEqualTo(RollbackGuard.WHO);
        assertThat(last.from()).isEqualTo(Mode.NEW);
        assertThat(counted.get(ProxyMetrics.AUTO_ROLLBACKS)).hasValue(1);
    }

    @Test
    void givenShadow_thenLegacyAnswers_theRequestIdIsLearnedAsNoise_andAPlantedDifferenceIsSampled() {
        set(Mode.SHADOW);
        newService.set((route, request) -> v1("new"));
        BackendResponse answer = service.handle(search("ada"));
        assertThat(answer.headers()).containsEntry(ProxyService.BACKEND_HEADER, "legacy");
        assertThat(samples).isEmpty();

        newService.set((route, request) ->
                new BackendResponse(200, Map.of(), v1("new").body().replace("\"fan_count\":5", "\"fan_count\":6")));
        service.handle(search("ada"));

        assertThat(samples).singleElement().satisfies(s -> assertThat(s.paths()).containsExactly("data[].fan_count"));
        assertThat(counted.get(ProxyMetrics.SHADOW_COMPARED)).hasValue(2);
        assertThat(counted.get(ProxyMetrics.SHADOW_DIFFS)).hasValue(1);
    }

    @Test
    void givenNewMode_whenTheNewServiceAnswersDifferently_thenTheDiffRateRollsTheRouteBack_auditedWithTheReason() {
        set(Mode.NEW);
        verifying.set(true);
        newService.set((route, request) ->
                new BackendResponse(200, Map.of(), v1("new").body().replace("\"fan_count\":5", "\"fan_count\":6")));

        for (int i = 0; i < 3; i++) {
            assertThat(service.handle(search("ada")).headers()).containsEntry(ProxyService.BACKEND_HEADER, "new");
        }
        assertThat(modes.mode(LegacyRoutes.PAGES_SEARCH))
                .as("below the minimum of 4")
                .isEqualTo(Mode.NEW);
        service.handle(search("ada"));

        assertThat(modes.mode(LegacyRoutes.PAGES_SEARCH)).isEqualTo(Mode.LEGACY);
        RouteModes.ModeChange last = modes.changes(LegacyRoutes.PAGES_SEARCH, 1).getFirst();
        assertThat(last.who()).isEqualTo(RollbackGuard.WHO);
        assertThat(last.from()).isEqualTo(Mode.NEW);
        assertThat(last.to()).isEqualTo(Mode.LEGACY);
        assertThat(last.reason()).contains("differently", "4 of 4");
        assertThat(counted.get(ProxyMetrics.AUTO_ROLLBACKS)).hasValue(1);
        assertThat(counted.get(ProxyMetrics.SHADOW_DIFFS)).hasValue(4);
        assertThat(samples).isNotEmpty().allSatisfy(s -> assertThat(s.paths()).containsExactly("data[].fan_count"));
    }

    @Test
    void givenNewMode_whenTheNewServiceAgreesWithLegacy_butForNoise_thenTheRouteStaysNew() {
        set(Mode.NEW);
        verifying.set(true);

        for (int i = 0; i < 10; i++) {
            service.handle(search("ada"));
        }

        assertThat(modes.mode(LegacyRoutes.PAGES_SEARCH)).isEqualTo(Mode.NEW);
        assertThat(counted.get(ProxyMetrics.SHADOW_COMPARED)).hasValue(10);
        assertThat(counted).doesNotContainKey(ProxyMetrics.SHADOW_DIFFS);
        assertThat(legacyCalls).as("two legacy calls per comparison").hasValue(20);
    }

    @Test
    void givenCanaryWithoutSampling_thenNoComparison_andLegacyIsNotCalledForNewCallers() {
        set(Mode.canary(99));
        for (int i = 0; i < 20; i++) {
            service.handle(search("u" + i));
        }
        long toNew = java.util.stream.IntStream.range(0, 20)
                .filter(i -> StickyBucket.toNew(Mode.canary(99), "user:u" + i))
                .count();

        assertThat(counted.get(ProxyMetrics.SERVED_NEW)).hasValue((int) toNew);
        assertThat(legacyCalls).hasValue(20 - (int) toNew);
        assertThat(counted).doesNotContainKey(ProxyMetrics.SHADOW_COMPARED);
    }

    @Test
    void givenNewMode_whenLegacyIsDownDuringTheComparison_thenNothingCountsAgainstTheNewService() {
        set(Mode.NEW);
        verifying.set(true);
        legacyUp.set(false);

        for (int i = 0; i < 10; i++) {
            assertThat(service.handle(search("ada")).status()).isEqualTo(200);
        }

        assertThat(modes.mode(LegacyRoutes.PAGES_SEARCH)).isEqualTo(Mode.NEW);
        assertThat(counted).doesNotContainKey(ProxyMetrics.SHADOW_COMPARED);
    }

    @Test
    void givenShadowWorkFrozenPastItsTimeouts_asAfterALambdaResponse_thenItIsDroppedAsStale_notADifference() {
        set(Mode.SHADOW);
        newService.set((route, request) -> {
            clock.now = clock.now.plus(Duration.ofMinutes(3)); // the instance slept; at the thaw the call "timed out"
            throw new Backend.BackendFailure("timed out", null, true);
        });

        BackendResponse answer = service.handle(search("ada"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(samples).isEmpty();
        assertThat(counted.get(ProxyMetrics.SHADOW_STALE)).hasValue(1);
        assertThat(counted).doesNotContainKeys(ProxyMetrics.SHADOW_COMPARED, ProxyMetrics.SHADOW_DIFFS);
    }

    @Test
    void givenShadowWorkThatFailsWithinItsTimeouts_thenItIsStillADifference() {
        set(Mode.SHADOW);
        newService.set((route, request) -> {
            clock.now = clock.now.plus(Duration.ofSeconds(1));
            throw new Backend.BackendFailure("timed out", null, true);
        });

        service.handle(search("ada"));

        assertThat(samples)
                .singleElement()
                .satisfies(s -> assertThat(s.newStatus()).isZero());
        assertThat(counted).doesNotContainKey(ProxyMetrics.SHADOW_STALE);
    }

    @Test
    void givenABodyOverTheLimit_then413_andNoBackendCalled() {
        ProxyRequest big = new ProxyRequest("POST", SEARCH, "", Map.of(), new byte[2048], "ip:1");

        assertThat(service.handle(big).status()).isEqualTo(413);
        assertThat(legacyCalls).hasValue(0);
    }
}
