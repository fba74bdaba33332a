package dev.candor.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.model.ConsentState;
import dev.candor.model.Purpose;
import dev.candor.model.Scope;
import dev.candor.model.SubjectId;
import dev.candor.server.ApiError;
import dev.candor.server.Fields;
import io.helidon.http.Method;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Consent per purpose, with history. */
public final class ConsentApi {
    private ConsentApi() {
    }

    public static void register(RouteTable t) {
        t.add(Method.GET, "/v1/users/{id}/consent", Set.of(Scope.INGEST), ConsentApi::get);
        t.add(Method.PUT, "/v1/users/{id}/consent", Set.of(Scope.INGEST), ConsentApi::put);
    }

    static void get(Call c) {
        c.json(200, view(c, c.subject("id")));
    }

    static Map<String, Object> view(Call c, SubjectId s) {
        Map<String, Object> out = Views.consent(c.ctx().engine().consent(s));
        out.put("history", Views.consentHistory(c.ctx().engine().consentHistory(s)));
        out.put("purpose_descriptions", Views.purposeDescriptions());
        return out;
    }

    static void put(Call c) {
        SubjectId s = c.subject("id");
        JsonNode body = Fields.requireObject(c.body(), "the body");
        Fields.onlyFields(body, Set.of("purposes", "source"));
        Map<Purpose, Boolean> changes = parsePurposes(body);
        String source = Fields.optionalString(body, "source").orElse("api");
        if (source.length() > 64 || !source.chars().allMatch(ch -> ch >= 32 && ch < 127)) {
            throw ApiError.badRequest("INVALID_VALUE", "source must be at most 64 printable ASCII characters", "source");
        }
        Map<String, String> audited = new java.util.TreeMap<>();
        changes.forEach((p, on) -> audited.put(p.wireName(), Boolean.toString(on)));
        audited.put("source", source == null ? "api" : source);
        c.audit("consent.change", java.util.Optional.of(s), audited);
        ConsentState state = c.ctx().engine().recordConsent(s, changes, source);
        Map<String, Object> out = new LinkedHashMap<>(Views.consent(state));
        c.json(200, out);
    }

    static Map<Purpose, Boolean> parsePurposes(JsonNode body) {
        JsonNode purposes = body.get("purposes");
        if (purposes == null || purposes.isNull()) {
            throw ApiError.badRequest("MISSING_FIELD", "purposes is required: an object of purpose names to true or false", "purposes");
        }
        if (!purposes.isObject()) {
            throw ApiError.badRequest("INVALID_TYPE", "purposes must be an object of purpose names to true or false", "purposes");
        }
        if (purposes.isEmpty()) {
            throw ApiError.badRequest("INVALID_VALUE", "purposes must name at least one purpose", "purposes");
        }
        Map<Purpose, Boolean> changes = new EnumMap<>(Purpose.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = purposes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Purpose p = Purpose.fromWire(e.getKey()).orElseThrow(() -> ApiError.badRequest("UNKNOWN_PURPOSE",
                    "unknown purpose; purposes are personalization, behavioral, context, community, analytics, experiments",
                    "purposes." + Fields.safeName(e.getKey())));
            if (!e.getValue().isBoolean()) {
                throw ApiError.badRequest("INVALID_TYPE", "each purpose must be true or false", "purposes." + p.wireName());
            }
            changes.put(p, e.getValue().booleanValue());
        }
        return changes;
    }
}
