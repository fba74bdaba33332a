package dev.candor.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.model.Intensity;
import dev.candor.model.Preferences;
import dev.candor.model.Scope;
import dev.candor.model.SubjectId;
import dev.candor.server.ApiError;
import dev.candor.server.Fields;
import io.helidon.http.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Stated preferences. PUT replaces them whole. */
public final class PreferencesApi {
    private PreferencesApi() {
    }

    public static void register(RouteTable t) {
        t.add(Method.GET, "/v1/users/{id}/preferences", Set.of(Scope.INGEST), PreferencesApi::get);
        t.add(Method.PUT, "/v1/users/{id}/preferences", Set.of(Scope.INGEST), PreferencesApi::put);
    }

    static void get(Call c) {
        c.json(200, Views.preferences(c.ctx().engine().preferences(c.subject("id"))));
    }

    static void put(Call c) {
        SubjectId s = c.subject("id");
        JsonNode body = Fields.requireObject(c.body(), "the body");
        Preferences p = parse(body, c.ctx().engine().clock().instant(), c.ctx().engine().preferences(s).hiddenInterests());
        c.ctx().engine().putPreferences(s, p);
        c.json(200, Views.preferences(p));
    }

    /** Parses a full replacement; {@code hidden_interests} keeps {@code hiddenBefore} when absent. */
    static Preferences parse(JsonNode body, java.time.Instant now, Set<String> hiddenBefore) {
        Fields.onlyFields(body, Set.of("liked_categories", "disliked_categories", "intensity", "sensitive_opt_in", "hidden_interests"));
        Set<String> hidden = body.has("hidden_interests")
                ? lower(Fields.stringList(body, "hidden_interests", Preferences.MAX_CATEGORIES)) : hiddenBefore;
        Set<String> liked = lower(Fields.stringList(body, "liked_categories", Preferences.MAX_CATEGORIES));
        Set<String> disliked = lower(Fields.stringList(body, "disliked_categories", Preferences.MAX_CATEGORIES));
        Set<String> optIn = lower(Fields.stringList(body, "sensitive_opt_in", Preferences.MAX_CATEGORIES));
        Intensity intensity = Fields.optionalString(body, "intensity").map(v -> Intensity.fromWire(v).orElseThrow(() ->
                ApiError.badRequest("INVALID_VALUE", "intensity must be one of high, medium, low, off", "intensity")))
                .orElse(Intensity.HIGH);
        try {
            return new Preferences(liked, disliked, intensity, optIn, now, hidden);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("INVALID_VALUE", e.getMessage(), null);
        }
    }

    private static Set<String> lower(List<String> in) {
        Set<String> out = new HashSet<>();
        for (String s : in) {
            out.add(s.toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
