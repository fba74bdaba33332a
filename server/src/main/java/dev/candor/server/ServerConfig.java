package dev.candor.server;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

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
 * @param corsOrigins   other origins ({@code scheme://host[:port]}) whose pages may call the API from a browser;
 *                      empty (the default) allows none: cross-origin browser requests get 403 {@code ORIGIN_NOT_ALLOWED}
 */
public record ServerConfig(String host, int port, long maxBodyBytes, int maxBatch, boolean publicMetrics, Duration idleTimeout,
                           int rateLimit, List<String> corsOrigins) {
    private static final Pattern ORIGIN = Pattern.compile("https?://[a-z0-9.-]+(:[0-9]{1,5})?|https?://\\[[0-9a-f:.]+\\](:[0-9]{1,5})?");

    /** The default per-key rate limit: far above one client's honest use, low enough to stop a runaway loop. */
    public static final int DEFAULT_RATE_LIMIT = 20_000;

    public ServerConfig(String host, int port, long maxBodyBytes, int maxBatch, boolean publicMetrics, Duration idleTimeout) {
        this(host, port, maxBodyBytes, maxBatch, publicMetrics, idleTimeout, DEFAULT_RATE_LIMIT);
    }

    public ServerConfig(String host, int port, long maxBodyBytes, int maxBatch, boolean publicMetrics, Duration idleTimeout,
                        int rateLimit) {
        this(host, port, maxBodyBytes, maxBatch, publicMetrics, idleTimeout, rateLimit, List.of());
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
        corsOrigins = List.copyOf(corsOrigins);
        for (String o : corsOrigins) {
            if (!ORIGIN.matcher(o).matches()) {
                throw new IllegalArgumentException("a CORS origin must be scheme://host[:port] in lower case, without a path "
                        + "or wildcard. Provided value: " + o);
            }
        }
    }

    /** Defaults: 127.0.0.1:8080, 16 MiB bodies, 10,000-row batches, public metrics. */
    public static ServerConfig defaults() {
        return new ServerConfig("127.0.0.1", 8080, 16L * 1024 * 1024, 10_000, true, Duration.ofMinutes(5));
    }

    public ServerConfig withPort(int p) {
        return new ServerConfig(host, p, maxBodyBytes, maxBatch, publicMetrics, idleTimeout, rateLimit, corsOrigins);
    }

    public ServerConfig withHost(String h) {
        return new ServerConfig(h, port, maxBodyBytes, maxBatch, publicMetrics, idleTimeout, rateLimit, corsOrigins);
    }

    public ServerConfig withRateLimit(int perSecond) {
        return new ServerConfig(host, port, maxBodyBytes, maxBatch, publicMetrics, idleTimeout, perSecond, corsOrigins);
    }

    /** {@return these settings with browsers on {@code origins} allowed to call the API (see {@link #corsOrigins})} */
    public ServerConfig withCorsOrigins(List<String> origins) {
        return new ServerConfig(host, port, maxBodyBytes, maxBatch, publicMetrics, idleTimeout, rateLimit, origins);
    }
}
