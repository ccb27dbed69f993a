package dev.pulse.accounts.domain;

/** A request value that breaks a rule; the handler answers 400 naming {@link #field()}. */
public final class InvalidInputException extends RuntimeException {
    private final String field;

    public InvalidInputException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
