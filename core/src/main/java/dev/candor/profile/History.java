package dev.candor.profile;

import java.util.Arrays;

/**
 * A snapshot of one subject's events as the index holds them, in ingest order. Immutable; the
 * arrays are private copies.
 */
public final class History {
    public static final History EMPTY = new History(new long[0], new int[0], new byte[0], new float[0], new long[0], new long[0],
            new byte[0]);

    private final long[] ids;
    private final int[] items;
    private final byte[] kinds;
    private final float[] values;
    private final long[] times;
    private final long[] sessions;
    private final byte[] contexts;

    History(long[] ids, int[] items, byte[] kinds, float[] values, long[] times, long[] sessions, byte[] contexts) {
        this.ids = ids;
        this.items = items;
        this.kinds = kinds;
        this.values = values;
        this.times = times;
        this.sessions = sessions;
        this.contexts = contexts;
    }

    /** {@return the {@link ContextCode} of event k; {@link ContextCode#NONE} when it had none} */
    public byte context(int k) {
        return contexts[k];
    }

    public int size() {
        return ids.length;
    }

    public boolean isEmpty() {
        return ids.length == 0;
    }

    public long eventId(int k) {
        return ids[k];
    }

    public int item(int k) {
        return items[k];
    }

    public byte kind(int k) {
        return kinds[k];
    }

    public float value(int k) {
        return values[k];
    }

    public long timeMillis(int k) {
        return times[k];
    }

    /** {@return the session key of event k; 0 when the event had no session} */
    public long session(int k) {
        return sessions[k];
    }

    /** {@return a copy of the item indexes, in event order} */
    public int[] items() {
        return Arrays.copyOf(items, items.length);
    }
}
