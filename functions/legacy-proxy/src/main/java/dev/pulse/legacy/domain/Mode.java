package dev.pulse.legacy.domain;

/**
 * How a legacy route is served: {@code legacy}, {@code shadow}, {@code canary:N} (N % of callers, 1-99) or {@code new}.
 */
public record Mode(Kind kind, int percent) {
    public static final Mode LEGACY = new Mode(Kind.LEGACY, 0);
    public static final Mode SHADOW = new Mode(Kind.SHADOW, 0);
    public static final Mode NEW = new Mode(Kind.NEW, 100);

    /** The four kinds. */
    public enum Kind {
        LEGACY,
        SHADOW,
        CANARY,
        NEW
    }

    public Mode {
        if (kind == Kind.CANARY ? percent < 1 || percent > 99 : percent != (kind == Kind.NEW ? 100 : 0)) {
            throw new IllegalArgumentException("canary takes 1-99 %; " + kind + " takes none");
        }
    }

    public static Mode canary(int percent) {
        return new Mode(Kind.CANARY, percent);
    }

    /** Parses {@code legacy | shadow | canary:N | new}. */
    public static Mode parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a mode is legacy, shadow, canary:N or new");
        }
        String t = text.strip();
        switch (t) {
            case "legacy" -> {
                return LEGACY;
            }
            case "shadow" -> {
                return SHADOW;
            }
            case "new" -> {
                return NEW;
            }
            default -> {
                if (t.matches("canary:[0-9]{1,2}")) {
                    int n = Integer.parseInt(t.substring("canary:".length()));
                    if (n >= 1 && n <= 99) {
                        return canary(n);
                    }
                }
                throw new IllegalArgumentException("'" + text + "' is not a mode: legacy, shadow, canary:1-99 or new");
            }
        }
    }

    /** Whether this mode can answer from the new service (and so be rolled back). */
    public boolean servesNew() {
        return kind == Kind.CANARY || kind == Kind.NEW;
    }

    /** The text form, as stored and as {@code ./pulse routes} prints it. */
    public String wire() {
        return kind == Kind.CANARY ? "canary:" + percent : kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return wire();
    }
}
