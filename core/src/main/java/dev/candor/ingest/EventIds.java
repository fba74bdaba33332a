package dev.candor.ingest;

import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Engine-assigned event ids: unique and increasing within this store, roughly time-ordered
 * ({@code millis * 1000 + sequence}), and never below an id already stored, so they stay
 * increasing across restarts even if the clock steps back. One writer process per store.
 */
public final class EventIds {
    private final AtomicLong last;
    private final InstantSource clock;

    public EventIds(long maxStored, InstantSource clock) {
        this.clock = clock;
        this.last = new AtomicLong(maxStored);
    }

    public long next() {
        long floor = clock.millis() * 1000;
        return last.updateAndGet(prev -> Math.max(prev + 1, floor));
    }
}
