package dev.candor.server.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-key token buckets: each key may make {@code perSecond} requests per second on average, in
 * bursts of up to twice that. Keys are API key ids (never secrets). Thread-safe; a bucket is locked
 * only by requests of its own key, so one busy client cannot slow another down.
 */
public final class RateLimiter {
    private final double perSecond;
    private final double capacity;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** @param perSecond sustained requests per second per key; 0 disables limiting */
    public RateLimiter(int perSecond) {
        this.perSecond = perSecond;
        this.capacity = 2.0 * perSecond;
    }

    /** {@return whether the key may make a request now (and takes one token if so)} */
    public boolean tryAcquire(String keyId) {
        if (perSecond <= 0) {
            return true;
        }
        return buckets.computeIfAbsent(keyId, k -> new Bucket(capacity)).take(perSecond, capacity, System.nanoTime());
    }

    private static final class Bucket {
        private double tokens;
        private long last = System.nanoTime();

        Bucket(double tokens) {
            this.tokens = tokens;
        }

        synchronized boolean take(double perSecond, double capacity, long now) {
            tokens = Math.min(capacity, tokens + (now - last) / 1e9 * perSecond);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
