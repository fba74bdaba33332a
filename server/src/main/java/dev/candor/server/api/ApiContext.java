package dev.candor.server.api;

import dev.candor.engine.Engine;
import dev.candor.server.ServerConfig;
import dev.candor.server.ServerMetrics;
import dev.candor.server.TrafficSeries;
import dev.candor.server.auth.ApiKeys;
import java.util.Objects;

/**
 * What route handlers share: the engine, the HTTP settings, the key registry, the metrics, the
 * end-user token issuer and the recommendation traffic series of the console's overview.
 */
public record ApiContext(Engine engine, ServerConfig config, ApiKeys keys, ServerMetrics metrics,
                         dev.candor.server.auth.EndUserTokens tokens, TrafficSeries traffic) {
    public ApiContext {
        Objects.requireNonNull(traffic, "traffic");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(metrics, "metrics");
    }
}
