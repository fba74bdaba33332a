package dev.candor.server.api;

import dev.candor.model.Context;
import dev.candor.model.Scope;
import dev.candor.model.SubjectId;
import dev.candor.privacy.Pseudonymizer;
import dev.candor.recommend.RecommendationRequest;
import dev.candor.recommend.Recommendations;
import dev.candor.server.ApiError;
import io.helidon.http.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Recommendations with reasons, for one user. */
public final class RecommendationsApi {
    private RecommendationsApi() {
    }

    public static void register(RouteTable t) {
        t.add(Method.GET, "/v1/users/{id}/recommendations", Set.of(Scope.RECOMMEND), RecommendationsApi::get);
    }

    private static void get(Call c) {
        SubjectId s = c.subject("id");
        int n = c.intQuery("n", 10, 1, RecommendationRequest.MAX_N);
        Optional<String> category = c.query("category");
        if (category.isPresent() && (category.get().isBlank() || category.get().length() > 64)) {
            throw ApiError.badRequest("INVALID_PARAMETER", "category must be 1 to 64 characters", "category");
        }
        Optional<String> surface = c.query("surface");
        if (surface.isPresent() && !surface.get().matches("[A-Za-z0-9_.-]{1,64}")) {
            throw ApiError.badRequest("INVALID_PARAMETER", "surface must be 1 to 64 letters, digits, '_', '.' or '-'", "surface");
        }
        Optional<String> session = c.query("session");
        if (session.isPresent() && !Pseudonymizer.isValidRawId(session.get())) {
            throw ApiError.badRequest("INVALID_PARAMETER", "session must be 1 to 256 characters without control characters", "session");
        }
        Recommendations r = c.ctx().engine().recommend(new RecommendationRequest(s, n, category, surface,
                session.map(x -> c.ctx().engine().pseudonymizer().session(x)), Context.NONE));
        c.json(200, view(r, c));
    }

    static Map<String, Object> view(Recommendations r, Call c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("request_id", r.requestId());
        out.put("personalization", r.level().wireName());
        out.put("items", r.items().stream().map(i -> Views.scoredItem(i, c.ctx().engine().catalog())).toList());
        out.put("data_used", Views.dataUsed(r.dataUsed()));
        out.put("fallback", r.fallback().orElse(null));
        return out;
    }
}
