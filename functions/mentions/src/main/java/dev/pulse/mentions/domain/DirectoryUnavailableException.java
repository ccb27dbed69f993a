package dev.pulse.mentions.domain;

/** The backend cannot answer right now (down, timing out, alias missing); the handler answers 503. */
public final class DirectoryUnavailableException extends RuntimeException {
    public DirectoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
