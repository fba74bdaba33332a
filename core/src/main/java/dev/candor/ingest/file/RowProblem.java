package dev.candor.ingest.file;

/** A row that could not be read: its 1-based line number and why (never the row's content). */
public record RowProblem(long line, String message) {
    @Override
    public String toString() {
        return "line " + line + ": " + message;
    }
}
