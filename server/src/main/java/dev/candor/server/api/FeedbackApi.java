package dev.candor.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.model.Feedback;
import dev.candor.model.FeedbackSignal;
import dev.candor.model.ItemId;
import dev.candor.model.Scope;
import dev.candor.model.SubjectId;
import dev.candor.server.ApiError;
import dev.candor.server.Fields;
import io.helidon.http.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Explicit feedback: not_interested, too_personal, not_me, helpful. Acts on the next request. */
public final class FeedbackApi {
    private FeedbackApi() {
    }

    public static void register(RouteTable t) {
        t.add(Method.POST, "/v1/feedback", Set.of(Scope.INGEST, Scope.RECOMMEND), FeedbackApi::post);
    }

    private static void post(Call c) {
        JsonNode body = Fields.requireObject(c.body(), "the body");
        Fields.onlyFields(body, Set.of("user", "item", "signal", "request_id"));
        SubjectId s = c.subjectOf(Fields.requiredString(body, "user"), "user");
        ItemId item = ItemsApi.itemId(Fields.requiredString(body, "item"), "item");
        String rawSignal = Fields.requiredString(body, "signal");
        FeedbackSignal signal = FeedbackSignal.fromWire(rawSignal).orElseThrow(() -> ApiError.badRequest("INVALID_VALUE",
                "signal must be one of not_interested, too_personal, not_me, helpful", "signal"));
        Optional<String> requestId = Fields.optionalString(body, "request_id");
        if (requestId.isPresent() && !requestId.get().matches("[0-9a-fA-F-]{1,64}")) {
            throw ApiError.badRequest("INVALID_VALUE", "request_id must be a request id this API returned", "request_id");
        }
        if (c.ctx().engine().catalog().indexOf(item).isEmpty()) {
            throw ApiError.badRequest("UNKNOWN_ITEM", "item is not in the catalog", "item");
        }
        Feedback f = c.ctx().engine().feedback(s, item, signal, requestId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", f.id());
        out.put("signal", f.signal().wireName());
        out.put("at", f.at().toString());
        c.json(201, out);
    }
}
