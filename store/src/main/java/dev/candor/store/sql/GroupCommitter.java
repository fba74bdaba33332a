package dev.candor.store.sql;

import dev.candor.store.StoreException;
import dev.candor.store.StoreUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Group commit: callers hand in batches and wait; one committer thread takes whatever has queued
 * up (to a row limit) and writes it in a single transaction, so one fsync covers many requests.
 * A caller returns only after the transaction holding its batch committed. If a combined
 * transaction fails, each batch in it is retried alone, so one bad batch cannot fail the others.
 */
final class GroupCommitter<T> implements AutoCloseable {
    private record Pending<T>(List<T> rows, CompletableFuture<Void> done) {
    }

    private final LinkedBlockingQueue<Pending<T>> queue = new LinkedBlockingQueue<>();
    private final Consumer<List<T>> writer;
    private final int maxRows;
    private final Thread thread;
    private volatile boolean closed;

    /**
     * @param name    the committer thread's name
     * @param writer  writes rows in one transaction, durable on return; throws on failure
     * @param maxRows the most rows combined into one transaction
     */
    GroupCommitter(String name, Consumer<List<T>> writer, int maxRows) {
        this.writer = writer;
        this.maxRows = maxRows;
        this.thread = Thread.ofPlatform().name(name).daemon(true).start(this::loop);
    }

    /** Writes {@code rows} durably, possibly together with other callers' rows. */
    void commit(List<T> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (closed) {
            throw new StoreUnavailableException("the store is closed", null);
        }
        Pending<T> p = new Pending<>(rows, new CompletableFuture<>());
        queue.add(p);
        try {
            p.done().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // The batch may still commit; the caller must treat it as unacknowledged (a retry is safe
            // only if the caller deduplicates), exactly as for a lost connection.
            throw new StoreUnavailableException("interrupted while waiting for the commit", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new StoreException("commit failed", e.getCause());
        }
    }

    private void loop() {
        List<Pending<T>> group = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                Pending<T> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.clear();
                group.add(first);
                int rows = first.rows().size();
                Pending<T> next;
                while (rows < maxRows && (next = queue.peek()) != null && rows + next.rows().size() <= maxRows) {
                    group.add(queue.poll());
                    rows += next.rows().size();
                }
                flush(group, rows);
            } catch (InterruptedException e) {
                if (closed) {
                    break;
                }
            }
        }
        for (Pending<T> p; (p = queue.poll()) != null; ) {
            p.done().completeExceptionally(new StoreUnavailableException("the store closed before the commit", null));
        }
    }

    private void flush(List<Pending<T>> group, int rows) {
        if (group.size() == 1) {
            run(group.getFirst());
            return;
        }
        List<T> all = new ArrayList<>(rows);
        group.forEach(p -> all.addAll(p.rows()));
        try {
            writer.accept(all);
            group.forEach(p -> p.done().complete(null));
        } catch (RuntimeException e) {
            group.forEach(this::run);
        }
    }

    private void run(Pending<T> p) {
        try {
            writer.accept(p.rows());
            p.done().complete(null);
        } catch (RuntimeException | Error e) {
            p.done().completeExceptionally(e);
        }
    }

    /** Commits what is queued, then stops the committer thread. */
    @Override
    public void close() {
        closed = true;
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
