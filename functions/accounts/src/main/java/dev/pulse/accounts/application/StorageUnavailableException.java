package dev.pulse.accounts.application;

/** DynamoDB (or, with {@code search}, the pages index) could not answer; the handler answers 503. */
public final class StorageUnavailableException extends RuntimeException {
    private final boolean search;

    public StorageUnavailableException(String message, Throwable cause, boolean search) {
        super(message, cause);
        this.search = search;
    }

    public static StorageUnavailableException storage(Throwable cause) {
        return new StorageUnavailableException("storage is unavailable", cause, false);
    }

    public static StorageUnavailableException search(Throwable cause) {
        return new StorageUnavailableException("page search is unavailable", cause, true);
    }

    public boolean search() {
        return search;
    }
}
