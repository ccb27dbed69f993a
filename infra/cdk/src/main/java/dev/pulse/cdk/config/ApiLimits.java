package dev.pulse.cdk.config;

/** HTTP API limits: the web app's origin (the only CORS origin) and the stage's steady rate and burst. */
public record ApiLimits(String webOrigin, double rateLimit, int burstLimit) {
    public ApiLimits {
        if (!webOrigin.matches("https?://[^/*]+")) {
            throw new IllegalArgumentException(
                    "web origin must be one scheme://host[:port], no wildcard: " + webOrigin);
        }
        if (rateLimit <= 0 || burstLimit <= 0) {
            throw new IllegalArgumentException("throttling limits must be positive");
        }
    }

    public ApiLimits withOrigin(String origin) {
        return new ApiLimits(origin, rateLimit, burstLimit);
    }
}
