package dev.pulse.legacy.domain;

import java.nio.charset.StandardCharsets;

/**
 * The canary's choice: a caller's bucket (0-99) is a hash of who they are, so it never changes between requests, and
 * {@code canary:N} sends buckets below N to the new service: raising N only adds callers, none flips back.
 */
public final class StickyBucket {
    private StickyBucket() {}

    public static int of(String caller) {
        // FNV-1a, 32 bits: stable across JVMs and instances, unlike String.hashCode's contract.
        int hash = 0x811c9dc5;
        for (byte b : caller.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x01000193;
        }
        return Integer.remainderUnsigned(hash, 100);
    }

    public static boolean toNew(Mode mode, String caller) {
        return switch (mode.kind()) {
            case NEW -> true;
            case CANARY -> of(caller) < mode.percent();
            default -> false;
        };
    }
}
