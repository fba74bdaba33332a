package dev.candor.server.api;

import dev.candor.model.Scope;
import dev.candor.server.ApiError;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Health, Prometheus metrics and the OpenAPI document. */
public final class OpsApi {
    private OpsApi() {
    }

    public static void register(RouteTable t) {
        t.add(Method.GET, "/health", Set.of(), OpsApi::health);
        t.add(Method.GET, "/metrics", t.context().config().publicMetrics() ? Set.of() : Set.of(Scope.ANALYST), OpsApi::metrics);
        t.add(Method.GET, "/openapi.yaml", Set.of(), OpsApi::openapi);
    }

    private static void health(Call c) {
        boolean store = c.ctx().engine().storage().isHealthy();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", store ? "UP" : "DOWN");
        out.put("storage", store ? "UP" : "DOWN");
        out.put("items", c.ctx().engine().catalog().size());
        out.put("events", c.ctx().engine().index().events());
        out.put("model_trained_at", c.ctx().engine().models().trainedAt().toString());
        c.json(store ? 200 : 503, out);
    }

    private static void metrics(Call c) {
        c.res().header(HeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
        c.res().send(c.ctx().metrics().scrape());
    }

    private static void openapi(Call c) {
        try (InputStream in = OpsApi.class.getResourceAsStream("/dev/candor/server/openapi.yaml")) {
            if (in == null) {
                throw ApiError.notFound("NOT_FOUND", "no OpenAPI document packaged");
            }
            c.res().header(HeaderNames.CONTENT_TYPE, "application/yaml");
            c.res().send(in.readAllBytes());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
