package dev.candor.server;

import dev.candor.server.auth.EndUserTokens;
import dev.candor.engine.Engine;
import dev.candor.server.api.ApiContext;
import dev.candor.server.api.RouteTable;
import dev.candor.server.api.Routes;
import dev.candor.server.auth.ApiKeys;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.staticcontent.StaticContentService;
import java.util.Objects;

/**
 * The HTTP server over an {@link Engine}: the /v1 API, ops endpoints and the static web UI, on
 * Helidon SE with virtual threads. Does not own the engine or its storage (see {@link Launcher}
 * for a server that does).
 */
public final class CandorServer implements AutoCloseable {
    /** How long a read on a connection may block before the connection is closed. */
    static final java.time.Duration READ_TIMEOUT = java.time.Duration.ofSeconds(30);

    private final WebServer server;
    private final RouteTable routes;
    private final ApiContext ctx;

    /** Where the web UI's files live on the class path. */
    static final String WEB_ROOT = "dev/candor/server/web";

    private CandorServer(Engine engine, ServerConfig config, ApiKeys keys, EndUserTokens tokens) {
        this.ctx = new ApiContext(engine, config, keys, new ServerMetrics(engine), tokens);
        WebSecurity security = new WebSecurity(config.corsOrigins());
        this.routes = Routes.all(ctx);
        this.server = WebServer.builder()
                .host(config.host())
                .port(config.port())
                // Candor enforces its own, smaller body limit with a JSON error; this is a backstop
                .maxPayloadSize(config.maxBodyBytes() * 2)
                .idleConnectionTimeout(config.idleTimeout())
                // A client that stops sending mid-request is cut off; each connection has its own
                // virtual thread, so a slow client holds only itself up.
                // TCP_NODELAY: a response larger than one segment (recommendations with reasons) is not held back by
                // Nagle's algorithm waiting for the client's delayed ACK (about 40 ms on Linux) before its last segment
                .connectionOptions(o -> o.readTimeout(READ_TIMEOUT).tcpNoDelay(true))
                .routing(r -> {
                    r.addFilter(security::filter);
                    routes.register(r, () -> registerWeb(r));
                })
                .build();
    }

    /**
     * The web UI: the operator console at {@code /} ({@code index.html}), the preference center at
     * {@code /me} ({@code me.html}), their scripts and styles, and the chart library from its WebJar.
     * Static content passes on what it does not find, to the JSON 404.
     */
    private static void registerWeb(io.helidon.webserver.http.HttpRouting.Builder r) {
        r.register(WebSecurity.CHART_JS, StaticContentService.builder("META-INF/resources/webjars/chart.js/4.4.1").build());
        r.register("/", StaticContentService.builder(WEB_ROOT).welcomeFileName("index.html")
                .pathMapper(p -> p.equals("me") || p.equals("/me") ? "me.html" : p).build());
    }

    /** Starts with end-user tokens signed by a fresh random key (valid until the process ends). */
    public static CandorServer start(Engine engine, ServerConfig config, ApiKeys keys) {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return start(engine, config, keys, new EndUserTokens(key, java.time.InstantSource.system()));
    }

    /** Starts a server; {@code config.port() == 0} picks a free port (see {@link #port()}). */
    public static CandorServer start(Engine engine, ServerConfig config, ApiKeys keys, EndUserTokens tokens) {
        Objects.requireNonNull(engine, "engine");
        CandorServer s = new CandorServer(engine, config, keys, tokens);
        s.server.start();
        return s;
    }

    public int port() {
        return server.port();
    }

    public RouteTable routes() {
        return routes;
    }

    public ApiContext context() {
        return ctx;
    }

    @Override
    public void close() {
        server.stop();
    }
}
