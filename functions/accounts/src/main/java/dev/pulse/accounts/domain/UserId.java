package dev.pulse.accounts.domain;

/** A user: the token's {@code sub} (Cognito's is a UUID; the local tokens take any word). */
public record UserId(String value) {
    public UserId {
        if (value == null || !value.matches("[A-Za-z0-9._@:+-]{1,128}")) {
            throw new InvalidInputException("userId", "must be 1-128 letters, digits or ._@:+-");
        }
    }
}
