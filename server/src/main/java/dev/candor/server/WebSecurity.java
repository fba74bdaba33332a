package dev.candor.server;

import dev.candor.server.api.RouteTable;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Security headers on every response and the CORS policy, as one Helidon filter.
 *
 * <p>Headers: a strict Content-Security-Policy (scripts, styles and fetches from this origin only, no
 * inline script or style, no framing: {@code frame-ancestors 'none'}), {@code X-Frame-Options: DENY}
 * for older browsers, {@code nosniff}, {@code Referrer-Policy: no-referrer} (so a {@code /me#token=}
 * page leaks nothing through links), cross-origin opener and resource isolation, and a
 * Permissions-Policy that turns off powerful features. API responses are {@code no-store}; pages and
 * their scripts revalidate; the versioned chart library is cached for a year.
 *
 * <p>CORS: a browser request carrying an {@code Origin} other than this server's own is refused with
 * 403 {@code ORIGIN_NOT_ALLOWED} (preflights included) unless the origin is listed in
 * {@link ServerConfig#corsOrigins()}; then it gets {@code Access-Control-Allow-Origin} with that
 * origin (never {@code *}), and preflights are answered here. Requests without {@code Origin}
 * (servers, curl) are not affected. Thread-safe (immutable).
 */
final class WebSecurity {
    /** The policy for every response; the pages are written to need nothing more. */
    static final String CSP = String.join("; ",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self'",
            "connect-src 'self'",
            "font-src 'self'",
            "manifest-src 'self'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");
    static final String PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";
    /** The path prefix of the chart library served from its WebJar; versioned, so cacheable for good. */
    static final String CHART_JS = "/webjars/chart.js/4.4.1";

    private static final HeaderName CSP_HEADER = HeaderNames.create("Content-Security-Policy");
    private static final HeaderName ALLOW_ORIGIN = HeaderNames.create("Access-Control-Allow-Origin");
    private static final HeaderName ALLOW_METHODS = HeaderNames.create("Access-Control-Allow-Methods");
    private static final HeaderName ALLOW_HEADERS = HeaderNames.create("Access-Control-Allow-Headers");
    private static final HeaderName EXPOSE_HEADERS = HeaderNames.create("Access-Control-Expose-Headers");
    private static final HeaderName MAX_AGE = HeaderNames.create("Access-Control-Max-Age");
    private static final HeaderName REQUEST_METHOD = HeaderNames.create("Access-Control-Request-Method");
    private static final HeaderName REQUEST_PRIVATE_NETWORK = HeaderNames.create("Access-Control-Request-Private-Network");
    private static final HeaderName ALLOW_PRIVATE_NETWORK = HeaderNames.create("Access-Control-Allow-Private-Network");

    private final Set<String> allowed;

    WebSecurity(List<String> corsOrigins) {
        this.allowed = Set.copyOf(corsOrigins);
    }

    void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.path().path();
        res.header(CSP_HEADER, CSP);
        res.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
        res.header(HeaderNames.create("Referrer-Policy"), "no-referrer");
        res.header(HeaderNames.create("X-Frame-Options"), "DENY");
        res.header(HeaderNames.create("Cross-Origin-Opener-Policy"), "same-origin");
        res.header(HeaderNames.create("Cross-Origin-Resource-Policy"), "same-origin");
        res.header(HeaderNames.create("Permissions-Policy"), PERMISSIONS);
        if (path.startsWith("/v1/")) {
            res.header(HeaderNames.CACHE_CONTROL, "no-store");
        } else if (path.startsWith(CHART_JS + "/")) {
            res.header(HeaderNames.CACHE_CONTROL, "public, max-age=31536000, immutable");
        } else {
            res.header(HeaderNames.CACHE_CONTROL, "no-cache");
        }
        if (!allowed.isEmpty()) {
            res.header(HeaderNames.VARY, "Origin");
        }
        Optional<String> origin = req.headers().first(HeaderNames.ORIGIN);
        if (origin.isEmpty() || sameOrigin(origin.get(), req.headers().first(HeaderNames.HOST))) {
            chain.proceed();
            return;
        }
        String o = origin.get().strip().toLowerCase(Locale.ROOT);
        if (!allowed.contains(o)) {
            RouteTable.error(res, 403, "ORIGIN_NOT_ALLOWED",
                    "cross-origin requests from this origin are not allowed (see --cors-origin)", null);
            return;
        }
        res.header(ALLOW_ORIGIN, o);
        res.header(EXPOSE_HEADERS, "Retry-After, Content-Disposition");
        if (req.prologue().method() == Method.OPTIONS && req.headers().first(REQUEST_METHOD).isPresent()) {
            res.header(ALLOW_METHODS, "GET, POST, PUT, DELETE");
            res.header(ALLOW_HEADERS, "Authorization, Content-Type, X-API-Key");
            res.header(MAX_AGE, "600");
            if (req.headers().first(REQUEST_PRIVATE_NETWORK).isPresent()) {
                res.header(ALLOW_PRIVATE_NETWORK, "true"); // a listed origin may reach a server on a private network
            }
            res.status(204).send();
            return;
        }
        chain.proceed();
    }

    /**
     * {@return whether {@code origin} is this server as the browser reached it}: its host and port
     * equal the {@code Host} header (the scheme is not compared, so a TLS-terminating proxy in front
     * does not make the server's own pages cross-origin)
     */
    static boolean sameOrigin(String origin, Optional<String> host) {
        if (host.isEmpty()) {
            return false;
        }
        try {
            URI u = new URI(origin.strip());
            if (u.getHost() == null || u.getScheme() == null || u.getRawPath() != null && !u.getRawPath().isEmpty()) {
                return false;
            }
            int port = u.getPort() != -1 ? u.getPort() : u.getScheme().equalsIgnoreCase("https") ? 443 : 80;
            String h = host.get().strip().toLowerCase(Locale.ROOT);
            String hostOnly = h;
            int hostPort = -1;
            int colon = h.lastIndexOf(':');
            if (colon > h.lastIndexOf(']')) {
                hostOnly = h.substring(0, colon);
                try {
                    hostPort = Integer.parseInt(h.substring(colon + 1));
                } catch (NumberFormatException e) {
                    return false;
                }
            }
            if (!hostOnly.equals(u.getHost().toLowerCase(Locale.ROOT))) {
                return false;
            }
            return hostPort == -1 ? port == 80 || port == 443 : hostPort == port;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
