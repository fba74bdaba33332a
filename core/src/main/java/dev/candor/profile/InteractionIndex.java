package dev.candor.profile;

import dev.candor.model.SubjectId;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Every stored event, in memory, by subject: what the recommend path reads instead of the
 * database, so an accepted event is visible to the very next request. Updated only after the
 * event is durable in the {@code EventStore}.
 *
 * <p>Thread-safe: appends to one subject are serialized on that subject's row; readers take
 * {@link History} snapshots. Memory per event is about 33 bytes plus the row overhead.
 */
public final class InteractionIndex {
    private final Map<SubjectId, Row> rows = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.LongAdder events = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder historyReads = new java.util.concurrent.atomic.LongAdder();

    /**
     * {@return how many times a subject's behavioural history was read} Requests at LIGHT and NONE
     * must not read it; tests assert on this.
     */
    public long historyReads() {
        return historyReads.sum();
    }

    /** Appends one event without context. {@code session} is 0 when the event had no session. */
    public void add(SubjectId subject, long eventId, int item, byte kind, float value, long timeMillis, long session) {
        add(subject, eventId, item, kind, value, timeMillis, session, ContextCode.NONE);
    }

    /** Appends one event; {@code context} is a {@link ContextCode} (kept only with context consent). */
    public void add(SubjectId subject, long eventId, int item, byte kind, float value, long timeMillis, long session, byte context) {
        Row row = rows.computeIfAbsent(subject, s -> new Row());
        synchronized (row) {
            row.add(eventId, item, kind, value, timeMillis, session, context);
        }
        events.increment();
    }

    /** {@return the subject's events now; {@link History#EMPTY} when none} */
    public History history(SubjectId subject) {
        historyReads.increment();
        Row row = rows.get(subject);
        if (row == null) {
            return History.EMPTY;
        }
        synchronized (row) {
            return row.snapshot();
        }
    }

    /** Removes one event. {@return whether it was there} */
    public boolean removeEvent(SubjectId subject, long eventId) {
        Row row = rows.get(subject);
        if (row == null) {
            return false;
        }
        boolean removed;
        synchronized (row) {
            removed = row.remove(eventId);
        }
        if (removed) {
            events.decrement();
        }
        return removed;
    }

    /** Forgets the subject entirely. {@return the number of events removed} */
    /** Removes every event of kind {@code kind} older than {@code cutoffMillis} (retention). {@return how many} */
    public long removeOlderThan(byte kind, long cutoffMillis) {
        long removed = 0;
        for (Row row : rows.values()) {
            synchronized (row) {
                removed += row.removeIf(k -> row.kinds[k] == kind && row.times[k] < cutoffMillis);
            }
        }
        events.add(-removed);
        return removed;
    }

    public int removeSubject(SubjectId subject) {
        Row row = rows.remove(subject);
        if (row == null) {
            return 0;
        }
        synchronized (row) {
            events.add(-row.n);
            return row.n;
        }
    }

    public int subjects() {
        return rows.size();
    }

    public long events() {
        return events.sum();
    }

    public Set<SubjectId> subjectIds() {
        return java.util.Collections.unmodifiableSet(rows.keySet());
    }

    /** Visits a snapshot of every subject's history (for model training). */
    public void forEach(BiConsumer<SubjectId, History> visitor) {
        for (Map.Entry<SubjectId, Row> e : rows.entrySet()) {
            History h;
            synchronized (e.getValue()) {
                h = e.getValue().snapshot();
            }
            visitor.accept(e.getKey(), h);
        }
    }

    /** {@return the subjects currently held} */
    public Collection<SubjectId> subjects(int limit) {
        return rows.keySet().stream().limit(limit).toList();
    }

    private static final class Row {
        long[] ids = new long[4];
        int[] items = new int[4];
        byte[] kinds = new byte[4];
        float[] values = new float[4];
        long[] times = new long[4];
        long[] sessions = new long[4];
        byte[] contexts = new byte[4];
        int n;

        void add(long id, int item, byte kind, float value, long time, long session, byte context) {
            if (n == ids.length) {
                int cap = n * 2;
                ids = Arrays.copyOf(ids, cap);
                items = Arrays.copyOf(items, cap);
                kinds = Arrays.copyOf(kinds, cap);
                values = Arrays.copyOf(values, cap);
                times = Arrays.copyOf(times, cap);
                sessions = Arrays.copyOf(sessions, cap);
                contexts = Arrays.copyOf(contexts, cap);
            }
            ids[n] = id;
            items[n] = item;
            kinds[n] = kind;
            values[n] = value;
            times[n] = time;
            sessions[n] = session;
            contexts[n] = context;
            n++;
        }

        /** Removes the events at the positions matching {@code test}, keeping order. {@return how many} */
        int removeIf(java.util.function.IntPredicate test) {
            int w = 0;
            for (int k = 0; k < n; k++) {
                if (test.test(k)) {
                    continue;
                }
                ids[w] = ids[k];
                items[w] = items[k];
                kinds[w] = kinds[k];
                values[w] = values[k];
                times[w] = times[k];
                sessions[w] = sessions[k];
                contexts[w] = contexts[k];
                w++;
            }
            int removed = n - w;
            n = w;
            return removed;
        }

        boolean remove(long id) {
            for (int k = 0; k < n; k++) {
                if (ids[k] == id) {
                    int tail = n - k - 1;
                    System.arraycopy(ids, k + 1, ids, k, tail);
                    System.arraycopy(items, k + 1, items, k, tail);
                    System.arraycopy(kinds, k + 1, kinds, k, tail);
                    System.arraycopy(values, k + 1, values, k, tail);
                    System.arraycopy(times, k + 1, times, k, tail);
                    System.arraycopy(sessions, k + 1, sessions, k, tail);
                    System.arraycopy(contexts, k + 1, contexts, k, tail);
                    n--;
                    return true;
                }
            }
            return false;
        }

        History snapshot() {
            return new History(Arrays.copyOf(ids, n), Arrays.copyOf(items, n), Arrays.copyOf(kinds, n),
                    Arrays.copyOf(values, n), Arrays.copyOf(times, n), Arrays.copyOf(sessions, n),
                    Arrays.copyOf(contexts, n));
        }
    }
}
