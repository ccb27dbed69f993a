package dev.pulse.mentions.domain;

/** Bad input from the caller; the handler answers 400 with this code and message. */
public final class InvalidQueryException extends RuntimeException {
    private final String code;

    public InvalidQueryException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
