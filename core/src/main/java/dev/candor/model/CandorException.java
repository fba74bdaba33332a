package dev.candor.model;

/**
 * Base of Candor's unchecked infrastructure failures (storage unreachable, crypto unavailable,
 * a key file unreadable). Expected outcomes are values, programmer errors are
 * {@link IllegalArgumentException}/{@link IllegalStateException}; this is for the rest.
 *
 * <p>Messages never carry user ids or payloads.
 */
public class CandorException extends RuntimeException {
    public CandorException(String message) {
        super(message);
    }

    public CandorException(String message, Throwable cause) {
        super(message, cause);
    }
}
