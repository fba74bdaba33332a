package dev.candor.store;

import dev.candor.model.CandorException;

/** A storage operation failed for a reason other than the database being unreachable. Keeps its cause. */
public class StoreException extends CandorException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
