package dev.pulse.legacy.application;

import dev.pulse.legacy.domain.BackendResponse;
import dev.pulse.legacy.domain.LegacyRoute;
import dev.pulse.legacy.domain.ProxyRequest;

/**
 * The new service behind a legacy route, answering in v1's contract exactly: each adapter translates the v1 request
 * into Pulse's API and Pulse's answer back into v1's fields. Throws {@link Backend.BackendFailure} when the new
 * service failed, timed out or answered something the adapter cannot express in v1 (then the proxy falls back).
 */
public interface NewService {
    BackendResponse answer(LegacyRoute route, ProxyRequest request);
}
