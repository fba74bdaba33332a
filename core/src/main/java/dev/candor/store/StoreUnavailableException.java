package dev.candor.store;

/**
 * The database cannot be reached or written (connection lost, read-only or full disk). Nothing
 * was stored; callers fail closed (HTTP 503) and the client may retry.
 */
public class StoreUnavailableException extends StoreException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
