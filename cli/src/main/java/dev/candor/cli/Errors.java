package dev.candor.cli;

import dev.candor.model.CandorException;

/** One-line descriptions of failures for the terminal; no stack traces, no payloads. */
final class Errors {
    private Errors() {
    }

    static String describe(Throwable t) {
        if (t instanceof CandorException || t instanceof IllegalArgumentException || t instanceof IllegalStateException) {
            String m = t.getMessage();
            Throwable c = t.getCause();
            return c == null ? m : m + " (" + c.getClass().getSimpleName() + ")";
        }
        if (t instanceof java.io.UncheckedIOException || t instanceof java.io.IOException) {
            return "I/O error: " + t.getMessage();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
