package dev.pulse.cdk.config;

/** Alarm thresholds, stricter in prod where a page wakes someone up. */
public record AlarmThresholds(
        long iteratorAgeMs,
        int functionErrors,
        int functionThrottles,
        int apiP99Ms,
        int api5xx,
        int searchJvmPressurePercent,
        int cacheCpuPercent,
        int cacheEvictions,
        int canaryErrors) {}
