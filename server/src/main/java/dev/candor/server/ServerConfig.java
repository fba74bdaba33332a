package dev.candor.server;

import java.time.Duration;
import java.util.Objects;

/**
 * HTTP settings.
 *
 * @param host          interface to listen on
 * @param port          port, 0 for any free port
 * @param maxBodyBytes  largest request body accepted (413 {@code PAYLOAD_TOO_LARGE} above)
 * @param maxBatch      most rows in one events or items batch (413 {@code BATCH_TOO_LARGE} above)
 * @param publicMetrics whether {@code /metrics} is readable without a key
 * @param idleTimeout   idle connections are closed after this long
 * @param rateLimit     sustained requests per second allowed per API key (bursts up to twice that); 0 turns limiting off
 */
public record ServerConfig(String host, int port, long maxBodyBytes, int maxBatch, boolean publicMetrics, Duration idleTimeout,
                           int rateLimit) {
    /** The default per-key rate limit: far above one client's honest use, low enough to stop a runaway loop. */
    public static final int DEFAULT_RATE_LIMIT = 20_000;

    public ServerConfig(String host, int port, long maxBodyBytes, int maxBatch, boolean publicMetrics, Duration idleTimeout) {
        this(host, port, maxBodyBytes, maxBatch, publicMetrics, idleTimeout, DEFAULT_RATE_LIMIT);
    }

    public ServerConfig {
        if (rateLimit < 0) {
            throw new IllegalArgumentException("rateLimit must be >= 0. Provided value: " + rateLimit);
        }
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535. Provided value: " + port);
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("maxBodyBytes must be >= 1024. Provided value: " + maxBodyBytes);
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be >= 1. Provided value: " + maxBatch);
        }
        Objects.requireNonNull(idleTimeout, "idleTimeout");
    }

    /** Defaults: 127.0.0.1:8080, 16 MiB bodies, 10,000-row batches, public metrics. */
    public static ServerConfig defaults() {
        return new ServerConfig("127.0.0.1", 8080, 16L * 1024 * 1024, 10_000, true, Duration.ofMinutes(5));
    }

    public ServerConfig withPort(int p) {
        return new ServerConfig(host, p, maxBodyBytes, maxBatch, publicMetrics, idleTimeout, rateLimit);
    }

    public ServerConfig withHost(String h) {
        return new ServerConfig(h, port, maxBodyBytes, maxBatch, publicMetrics, idleTimeout, rateLimit);
    }

    public ServerConfig withRateLimit(int perSecond) {
        return new ServerConfig(host, port, maxBodyBytes, maxBatch, publicMetrics, idleTimeout, perSecond);
    }
}
