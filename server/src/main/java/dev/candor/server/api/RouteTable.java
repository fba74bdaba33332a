package dev.candor.server.api;

import dev.candor.model.Scope;
import dev.candor.server.ApiError;
import dev.candor.server.Json;
import dev.candor.server.SafeLog;
import dev.candor.server.auth.Principal;
import dev.candor.server.auth.RateLimiter;
import dev.candor.store.StoreUnavailableException;
import io.helidon.common.uri.UriPath;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.PathMatcher;
import io.helidon.http.PathMatchers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Every API route in one table: method, path pattern, the scopes that may call it (empty: public)
 * and the handler. Registering the table installs, around each handler, authentication, the scope
 * check, the one error mapper and request metrics; and a fallback that answers 404 for unknown
 * paths and 405 for known paths with another method — all as JSON errors.
 */
public final class RouteTable {
    private static final System.Logger LOG = System.getLogger(RouteTable.class.getName());

    /**
     * One route. {@code scopes} empty means no key is needed, unless {@code endUser}: then the caller
     * must hold an end-user token, and reaches only that user's data.
     */
    public record Route(Method method, String pattern, Set<Scope> scopes, ApiHandler handler, boolean endUser) {
    }

    private final ApiContext ctx;
    private final List<Route> routes = new ArrayList<>();
    private final RateLimiter limiter;

    public RouteTable(ApiContext ctx) {
        this.ctx = ctx;
        this.limiter = new RateLimiter(ctx.config().rateLimit());
    }

    public RouteTable add(Method method, String pattern, Set<Scope> scopes, ApiHandler handler) {
        routes.add(new Route(method, pattern, Set.copyOf(scopes), handler, false));
        return this;
    }

    /** Adds a route for end users holding a token ({@code /v1/me/...}); API keys do not open it. */
    public RouteTable addEndUser(Method method, String pattern, ApiHandler handler) {
        routes.add(new Route(method, pattern, Set.of(), handler, true));
        return this;
    }

    public ApiContext context() {
        return ctx;
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }

    /**
     * Installs every route into {@code routing}, then {@code beforeFallback} (e.g. static content,
     * which passes on what it does not find), then the JSON 404/405 fallback.
     */
    public void register(HttpRouting.Builder routing, Runnable beforeFallback) {
        for (Route r : routes) {
            routing.route(r.method(), r.pattern(), (req, res) -> dispatch(r, req, res));
        }
        beforeFallback.run();
        Map<String, PathMatcher> matchers = new LinkedHashMap<>();
        for (Route r : routes) {
            matchers.putIfAbsent(r.pattern(), PathMatchers.create(r.pattern()));
        }
        routing.any((req, res) -> fallback(req, res, matchers));
    }

    private void dispatch(Route route, ServerRequest req, ServerResponse res) {
        long start = System.nanoTime();
        int status = 500;
        try {
            Optional<Principal> principal = route.endUser() ? Optional.of(endUser(req)) : authenticate(req, route.scopes());
            route.handler().handle(new Call(req, res, principal, ctx));
            status = res.status().code();
        } catch (ApiError e) {
            status = e.status();
            if (e.status() == 429) {
                res.header(HeaderNames.RETRY_AFTER, "1");
            }
            error(res, e.status(), e.code(), e.getMessage(), e.field());
        } catch (StoreUnavailableException e) {
            status = 503;
            LOG.log(System.Logger.Level.WARNING, "storage unavailable on " + route.method().text() + " " + route.pattern()
                    + ": " + SafeLog.describe(e));
            res.header(HeaderNames.RETRY_AFTER, "5");
            error(res, 503, "UNAVAILABLE", "storage is unavailable; nothing was changed; retry later", null);
        } catch (IllegalArgumentException e) {
            // engine and record validation: messages are written never to carry values
            status = 400;
            error(res, 400, "INVALID_VALUE", e.getMessage(), null);
        } catch (io.helidon.webserver.CloseConnectionException e) {
            // the client went away while the reply was being written: nobody to answer, nothing failed here
            status = 499;
            LOG.log(System.Logger.Level.DEBUG, "client closed the connection on " + route.method().text() + " " + route.pattern());
            throw e;
        } catch (RuntimeException e) {
            status = 500;
            String ref = UUID.randomUUID().toString();
            LOG.log(System.Logger.Level.ERROR, "internal error " + ref + " on " + route.method().text() + " "
                    + route.pattern() + ": " + SafeLog.describe(e));
            error(res, 500, "INTERNAL", "internal error; reference " + ref, null);
        } finally {
            ctx.metrics().recordRequest(route.method().text(), route.pattern(), status, System.nanoTime() - start);
        }
    }

    private Optional<Principal> authenticate(ServerRequest req, Set<Scope> scopes) {
        Optional<String> presented = presentedKey(req);
        if (scopes.isEmpty()) {
            return presented.flatMap(k -> ctx.keys().verify(k));
        }
        if (presented.isEmpty()) {
            throw new ApiError(401, "UNAUTHENTICATED", "an API key is required (Authorization: Bearer <key>)", null);
        }
        Principal p = ctx.keys().verify(presented.get())
                .orElseThrow(() -> new ApiError(401, "UNAUTHENTICATED", "the API key is not valid", null));
        if (!limiter.tryAcquire(p.keyId())) {
            throw new ApiError(429, "RATE_LIMITED", "too many requests for this key; slow down and retry (see Retry-After)", null);
        }
        if (!p.mayAny(scopes)) {
            throw new ApiError(403, "FORBIDDEN", "this key lacks the scope for this route; needs one of "
                    + new TreeSet<>(scopes.stream().map(Scope::wireName).toList()), null);
        }
        return Optional.of(p);
    }

    private Principal endUser(ServerRequest req) {
        Optional<String> presented = presentedKey(req);
        if (presented.isEmpty()) {
            throw new ApiError(401, "UNAUTHENTICATED", "an end-user token is required (Authorization: Bearer <token>)", null);
        }
        return ctx.tokens().verify(presented.get()).map(Principal::endUser)
                .orElseThrow(() -> new ApiError(401, "UNAUTHENTICATED", "the token is not valid or has expired", null));
    }

    static Optional<String> presentedKey(ServerRequest req) {
        Optional<String> auth = req.headers().first(HeaderNames.AUTHORIZATION);
        if (auth.isPresent()) {
            String v = auth.get().strip();
            if (v.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return Optional.of(v.substring(7).strip());
            }
            return Optional.of("");
        }
        return req.headers().first(HeaderNames.create("X-API-Key")).map(String::strip);
    }

    private void fallback(ServerRequest req, ServerResponse res, Map<String, PathMatcher> matchers) {
        long start = System.nanoTime();
        UriPath path = req.path();
        List<String> allowed = new ArrayList<>();
        for (Route r : routes) {
            if (matchers.get(r.pattern()).match(path).accepted()) {
                allowed.add(r.method().text());
            }
        }
        int status;
        if (allowed.isEmpty()) {
            status = 404;
            error(res, 404, "NOT_FOUND", "no such resource", null);
        } else {
            status = 405;
            res.header(HeaderNames.ALLOW, String.join(", ", new TreeSet<>(allowed)));
            error(res, 405, "METHOD_NOT_ALLOWED", "method not allowed here; allowed: " + String.join(", ", new TreeSet<>(allowed)), null);
        }
        ctx.metrics().recordRequest(req.prologue().method().text(), allowed.isEmpty() ? "unmatched" : "method-not-allowed",
                status, System.nanoTime() - start);
    }

    /** Writes the error envelope. */
    public static void error(ServerResponse res, int status, String code, String message, String field) {
        Map<String, Object> err = new LinkedHashMap<>();
        err.put("code", code);
        err.put("message", message);
        if (field != null) {
            err.put("field", field);
        }
        Json.send(res, status, Map.of("error", err));
    }
}
