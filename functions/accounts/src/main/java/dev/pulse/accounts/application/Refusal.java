package dev.pulse.accounts.application;

/** A request the rules refuse (403, 404, 409, 412, 428): its status and the error code the body carries. */
public final class Refusal extends RuntimeException {
    private final int status;
    private final String code;

    private Refusal(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static Refusal forbidden(String message) {
        return new Refusal(403, "forbidden", message);
    }

    public static Refusal notFound(String code, String message) {
        return new Refusal(404, code, message);
    }

    public static Refusal conflict(String code, String message) {
        return new Refusal(409, code, message);
    }

    public static Refusal stale() {
        return new Refusal(412, "precondition_failed", "the If-Match version is not the current one");
    }

    public static Refusal versionRequired() {
        return new Refusal(428, "precondition_required", "If-Match: send the ETag of GET /accounts/me");
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
