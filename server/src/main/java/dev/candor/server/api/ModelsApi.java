package dev.candor.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.model.EventType;
import dev.candor.model.ItemId;
import dev.candor.model.Scope;
import dev.candor.profile.DecayPolicy;
import dev.candor.profile.EventKind;
import dev.candor.recommend.RecommendationRequest;
import dev.candor.recommend.ScoredItem;
import dev.candor.recommend.edge.EdgeModel;
import dev.candor.server.ApiError;
import dev.candor.server.Fields;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The on-device mode: {@code GET /v1/models/edge} hands out the compact item model that
 * {@code /edge/candor-edge.js} scores in the browser, and {@code POST /v1/models/edge/recommendations}
 * is the server-side reference with the same arithmetic (for clients without JavaScript, and to
 * check the module). Scope recommend.
 */
public final class ModelsApi {
    private ModelsApi() {
    }

    public static void register(RouteTable t) {
        t.add(Method.GET, "/v1/models/edge", Set.of(Scope.RECOMMEND), ModelsApi::edge);
        t.add(Method.POST, "/v1/models/edge/recommendations", Set.of(Scope.RECOMMEND), ModelsApi::recommend);
    }

    /** {@return the model as JSON: format, scale, kinds, items and per item a flat [position, code, …] list} */
    public static Map<String, Object> view(EdgeModel m, dev.candor.recommend.Catalog catalog, DecayPolicy decay) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", EdgeModel.FORMAT);
        out.put("model", "itemknn");
        out.put("trained_at", m.trainedAt().toString());
        out.put("neighbours_per_item", EdgeModel.DEFAULT_NEIGHBOURS);
        out.put("quantization", Map.of("bits", 8, "scale", m.scale(),
                "similarity", "fround(code × scale), code in 1..255"));
        Map<String, Object> kinds = new LinkedHashMap<>();
        for (EventKind k : decay.kinds()) {
            Map<String, Object> km = new LinkedHashMap<>();
            km.put("weight", k.weight());
            km.put("rating_scale", k.ratingScale());
            km.put("verb", k.verb());
            kinds.put(k.type().name(), km);
        }
        out.put("kinds", kinds);
        List<List<String>> items = new ArrayList<>(m.size());
        List<int[]> neighbours = new ArrayList<>(m.size());
        for (int p = 0; p < m.size(); p++) {
            var item = catalog.item(m.catalogIndex(p));
            items.add(List.of(item.id().value(), item.title()));
            int[] nb = m.neighbours(p);
            int[] code = m.codes(p);
            int[] flat = new int[2 * nb.length];
            for (int t = 0; t < nb.length; t++) {
                flat[2 * t] = nb[t];
                flat[2 * t + 1] = code[t];
            }
            neighbours.add(flat);
        }
        out.put("items", items);
        out.put("neighbours", neighbours);
        return out;
    }

    private static void edge(Call c) {
        var engine = c.ctx().engine();
        EdgeModel m = engine.edgeModel();
        c.res().header(HeaderNames.CACHE_CONTROL, "private, max-age=300");
        c.json(200, view(m, engine.catalog(), engine.config().decay()));
    }

    /** {@code {"events":[{"item","type"?,"value"?}], "n"?}}: the reference scoring; nothing is stored. */
    private static void recommend(Call c) {
        JsonNode body = Fields.requireObject(c.body(), "the body");
        Fields.onlyFields(body, Set.of("events", "n"));
        JsonNode events = body.get("events");
        if (events == null || !events.isArray()) {
            throw ApiError.badRequest("INVALID_TYPE", "events must be an array", "events");
        }
        if (events.size() > EdgeModel.MAX_EVENTS) {
            throw new ApiError(413, "BATCH_TOO_LARGE", "an on-device history carries at most " + EdgeModel.MAX_EVENTS + " events", "events");
        }
        List<EdgeModel.Event> history = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            String field = "events[" + i + "]";
            JsonNode e = Fields.requireObject(events.get(i), field);
            Fields.onlyFields(e, Set.of("item", "type", "value"));
            ItemId item = ItemsApi.itemId(Fields.requiredString(e, "item"), field + ".item");
            String type = Fields.optionalString(e, "type").orElse("view");
            if (!EventType.isValid(type)) {
                throw ApiError.badRequest("INVALID_VALUE", "type must be a lowercase word of 1 to 32 characters", field + ".type");
            }
            OptionalDouble v = Fields.optionalNumber(e, "value");
            history.add(new EdgeModel.Event(item, EventType.of(type), v.isPresent() ? Optional.of(v.getAsDouble()) : Optional.empty()));
        }
        OptionalDouble n = Fields.optionalNumber(body, "n");
        if (n.isPresent() && (n.getAsDouble() != Math.rint(n.getAsDouble()) || n.getAsDouble() < 1
                || n.getAsDouble() > RecommendationRequest.MAX_N)) {
            throw ApiError.badRequest("INVALID_VALUE", "n must be an integer from 1 to " + RecommendationRequest.MAX_N, "n");
        }
        var engine = c.ctx().engine();
        List<ScoredItem> items = engine.recommendEdge(history, n.isPresent() ? (int) n.getAsDouble() : 10);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", "itemknn");
        out.put("trained_at", engine.edgeModel().trainedAt().toString());
        out.put("items", items.stream().map(s -> Views.scoredItem(s, engine.catalog())).toList());
        c.json(200, out);
    }
}
