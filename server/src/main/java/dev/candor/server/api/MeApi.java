package dev.candor.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.model.Feedback;
import dev.candor.model.FeedbackSignal;
import dev.candor.model.ItemId;
import dev.candor.model.SubjectId;
import dev.candor.server.ApiError;
import dev.candor.server.Fields;
import io.helidon.http.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The preference center's API: {@code /v1/me/...}, for an end user holding a token from
 * {@code POST /v1/users/{id}/token}. Every route reaches only the token's user (there is no user id
 * in these paths), and API keys do not open them. Actions are audited with actor {@code subject}.
 */
public final class MeApi {
    private MeApi() {
    }

    public static void register(RouteTable t) {
        t.addEndUser(Method.GET, "/v1/me/profile", RightsApi::readProfile);
        t.addEndUser(Method.GET, "/v1/me/export", c -> RightsApi.export(c, c.subject("id")));
        t.addEndUser(Method.GET, "/v1/me/consent", ConsentApi::get);
        t.addEndUser(Method.PUT, "/v1/me/consent", ConsentApi::put);
        t.addEndUser(Method.GET, "/v1/me/preferences", PreferencesApi::get);
        t.addEndUser(Method.PUT, "/v1/me/preferences", PreferencesApi::put);
        t.addEndUser(Method.GET, "/v1/me/recommendations", RecommendationsApi::get);
        t.addEndUser(Method.GET, "/v1/me/events", c -> RightsApi.events(c, c.subject("id")));
        t.addEndUser(Method.DELETE, "/v1/me/events", MeApi::deleteHistory);
        t.addEndUser(Method.DELETE, "/v1/me/events/{eventId}", c -> RightsApi.deleteEvent(c, c.subject("id")));
        t.addEndUser(Method.DELETE, "/v1/me/interests/{category}", c -> RightsApi.removeInterest(c, c.subject("id")));
        t.addEndUser(Method.POST, "/v1/me/feedback", MeApi::feedback);
        t.addEndUser(Method.DELETE, "/v1/me", c -> RightsApi.erase(c, c.subject("id")));
    }

    private static void deleteHistory(Call c) {
        SubjectId s = c.subject("id");
        c.audit("history.delete", Optional.of(s), Map.of());
        long n = c.ctx().engine().deleteHistory(s);
        c.json(200, Map.of("deleted", n));
    }

    /** {@code {item, signal}}: "not interested", "too personal", "not me", "helpful" from the person themselves. */
    private static void feedback(Call c) {
        SubjectId s = c.subject("id");
        JsonNode body = Fields.requireObject(c.body(), "the body");
        Fields.onlyFields(body, Set.of("item", "signal"));
        ItemId item = ItemsApi.itemId(Fields.requiredString(body, "item"), "item");
        FeedbackSignal signal = FeedbackSignal.fromWire(Fields.requiredString(body, "signal")).orElseThrow(() -> ApiError.badRequest(
                "INVALID_VALUE", "signal must be one of not_interested, too_personal, not_me, helpful", "signal"));
        if (c.ctx().engine().catalog().indexOf(item).isEmpty()) {
            throw ApiError.badRequest("UNKNOWN_ITEM", "item is not in the catalog", "item");
        }
        Feedback f = c.ctx().engine().feedback(s, item, signal, Optional.empty());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", f.id());
        out.put("signal", f.signal().wireName());
        out.put("at", f.at().toString());
        c.json(201, out);
    }
}
