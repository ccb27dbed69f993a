package dev.pulse.legacy.application;

import dev.pulse.legacy.domain.BackendResponse;
import java.time.Duration;
import java.util.Map;

/** One HTTP backend (legacy, or Pulse's own API): sends a request, bounded in time and in body size. */
public interface Backend {
    /**
     * Sends {@code method pathAndQuery} with exactly {@code headers} and {@code body}; throws {@link BackendFailure} on
     * a timeout, a refused or reset connection, or an answer larger than the body limit.
     */
    BackendResponse send(
            String method, String pathAndQuery, Map<String, String> headers, byte[] body, Duration timeout);

    /** The backend did not answer usably. */
    final class BackendFailure extends RuntimeException {
        private final boolean timeout;

        public BackendFailure(String message, Throwable cause, boolean timeout) {
            super(message, cause);
            this.timeout = timeout;
        }

        public boolean timeout() {
            return timeout;
        }
    }
}
