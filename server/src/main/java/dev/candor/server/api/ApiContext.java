package dev.candor.server.api;

import dev.candor.engine.Engine;
import dev.candor.server.ServerConfig;
import dev.candor.server.ServerMetrics;
import dev.candor.server.auth.ApiKeys;
import java.util.Objects;

/** What route handlers share: the engine, the HTTP settings, the key registry and the metrics. */
public record ApiContext(Engine engine, ServerConfig config, ApiKeys keys, ServerMetrics metrics,
                         dev.candor.server.auth.EndUserTokens tokens) {
    public ApiContext {
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(metrics, "metrics");
    }
}
