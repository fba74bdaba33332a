package dev.candor.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.ingest.Minimizer;
import dev.candor.ingest.RawContext;
import dev.candor.model.EventType;
import dev.candor.model.ItemId;
import dev.candor.profile.SessionIntent;
import dev.candor.server.Fields;
import dev.candor.model.Scope;
import dev.candor.model.SubjectId;
import dev.candor.privacy.Pseudonymizer;
import dev.candor.recommend.RecommendationRequest;
import dev.candor.recommend.Recommendations;
import dev.candor.server.ApiError;
import io.helidon.http.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/** Recommendations with reasons, for one user. */
public final class RecommendationsApi {
    private static final Minimizer MINIMIZER = new Minimizer();

    private RecommendationsApi() {
    }

    public static void register(RouteTable t) {
        t.add(Method.GET, "/v1/users/{id}/recommendations", Set.of(Scope.RECOMMEND), RecommendationsApi::get);
        t.add(Method.POST, "/v1/sessions/recommendations", Set.of(Scope.RECOMMEND), RecommendationsApi::session);
    }

    /** The most events an anonymous session request may carry. */
    static final int MAX_SESSION_EVENTS = 200;

    /**
     * Anonymous session recommendations: {@code {"events":[{"item","type"}], "n"?, "category"?}}. The
     * events are used for this response only; nothing is stored and no user is created.
     */
    private static void session(Call c) {
        JsonNode body = Fields.requireObject(c.body(), "the body");
        Fields.onlyFields(body, Set.of("events", "n", "category"));
        JsonNode events = body.get("events");
        if (events == null || events.isNull()) {
            events = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        if (!events.isArray()) {
            throw ApiError.badRequest("INVALID_TYPE", "events must be an array", "events");
        }
        if (events.size() > MAX_SESSION_EVENTS) {
            throw new ApiError(413, "BATCH_TOO_LARGE", "a session carries at most " + MAX_SESSION_EVENTS + " events", "events");
        }
        List<Map.Entry<ItemId, EventType>> steps = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            JsonNode e = Fields.requireObject(events.get(i), "events[" + i + "]");
            Fields.onlyFields(e, Set.of("item", "type"));
            ItemId item = ItemsApi.itemId(Fields.requiredString(e, "item"), "events[" + i + "].item");
            String type = Fields.optionalString(e, "type").orElse("view");
            if (!EventType.isValid(type)) {
                throw ApiError.badRequest("INVALID_VALUE", "type must be a lowercase word of 1 to 32 characters", "events[" + i + "].type");
            }
            steps.add(Map.entry(item, EventType.of(type)));
        }
        OptionalDouble n = Fields.optionalNumber(body, "n");
        if (n.isPresent() && (n.getAsDouble() != Math.rint(n.getAsDouble()) || n.getAsDouble() < 1
                || n.getAsDouble() > RecommendationRequest.MAX_N)) {
            throw ApiError.badRequest("INVALID_VALUE", "n must be an integer from 1 to " + RecommendationRequest.MAX_N, "n");
        }
        Optional<String> category = Fields.optionalString(body, "category");
        if (category.isPresent() && (category.get().isBlank() || category.get().length() > 64)) {
            throw ApiError.badRequest("INVALID_VALUE", "category must be 1 to 64 characters", "category");
        }
        Recommendations r = c.ctx().engine().recommendSession(steps, n.isPresent() ? (int) n.getAsDouble() : 10, category);
        c.json(200, view(r, c));
    }

    static void get(Call c) {
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
        RawContext raw = new RawContext(c.query("device"), c.query("daypart"), c.query("region"));
        Optional<String> invalid = MINIMIZER.validate(raw);
        if (invalid.isPresent()) {
            throw ApiError.badRequest("INVALID_PARAMETER", invalid.get(), invalid.get().substring("context.".length(),
                    invalid.get().indexOf(' ')));
        }
        // The request's context is used only if the user granted the context purpose (the engine checks) and never stored.
        Recommendations r = c.ctx().engine().recommend(new RecommendationRequest(s, n, category, surface,
                session.map(x -> c.ctx().engine().pseudonymizer().session(x)), MINIMIZER.coarse(raw)));
        c.json(200, view(r, c));
    }

    static Map<String, Object> view(Recommendations r, Call c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("request_id", r.requestId());
        out.put("personalization", r.level().wireName());
        out.put("intent", r.intent().map(SessionIntent::wireName).orElse(null));
        out.put("experiment", r.arm().map(Recommendations.Arm::experiment).orElse(null));
        out.put("variant", r.arm().map(Recommendations.Arm::variant).orElse(null));
        boolean explained = c.ctx().engine().config().posture().explanations();
        // with explanations switched off by configuration (see GET /v1/trust/score) reasons are empty
        out.put("items", r.items().stream().map(i -> Views.scoredItem(i, c.ctx().engine().catalog(), explained)).toList());
        out.put("data_used", Views.dataUsed(r.dataUsed()));
        out.put("fallback", r.fallback().orElse(null));
        return out;
    }
}
