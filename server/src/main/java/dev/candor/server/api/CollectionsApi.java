package dev.candor.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.experiment.Experiment;
import dev.candor.model.CuratedCollection;
import dev.candor.model.ItemId;
import dev.candor.model.Scope;
import dev.candor.server.ApiError;
import dev.candor.server.Fields;
import io.helidon.http.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Curated collections (DESIGN §6): human-picked, ordered item lists that the {@code curated} and
 * {@code hybrid_plus_curated} experiment strategies serve. Written by admin keys, read by admin and
 * analyst keys.
 */
public final class CollectionsApi {
    private CollectionsApi() {
    }

    public static void register(RouteTable t) {
        Set<Scope> read = Set.of(Scope.ADMIN, Scope.ANALYST);
        t.add(Method.GET, "/v1/collections", read, CollectionsApi::list);
        t.add(Method.PUT, "/v1/collections/{id}", Set.of(Scope.ADMIN), CollectionsApi::put);
        t.add(Method.GET, "/v1/collections/{id}", read, CollectionsApi::get);
        t.add(Method.DELETE, "/v1/collections/{id}", Set.of(Scope.ADMIN), CollectionsApi::delete);
    }

    private static String id(Call c) {
        String id = c.path("id");
        if (!CuratedCollection.isValidId(id)) {
            throw ApiError.badRequest("INVALID_COLLECTION", "collection ids are 1 to 64 characters of [A-Za-z0-9_.-]", "id");
        }
        return id;
    }

    /** {@code {"title", "items": [item ids, best first]}} → the stored collection. */
    private static void put(Call c) {
        String id = id(c);
        JsonNode body = Fields.requireObject(c.body(), "the body");
        Fields.onlyFields(body, Set.of("id", "title", "items"));
        if (body.has("id") && (!body.get("id").isTextual() || !body.get("id").textValue().equals(id))) {
            throw ApiError.badRequest("INVALID_VALUE", "id in the body must match the id in the path", "id");
        }
        String title = Fields.requiredString(body, "title");
        if (title.isBlank() || title.length() > CuratedCollection.MAX_TITLE || title.chars().anyMatch(Character::isISOControl)) {
            throw ApiError.badRequest("INVALID_VALUE", "title must be 1 to " + CuratedCollection.MAX_TITLE
                    + " characters without control characters", "title");
        }
        if (body.get("items") == null || body.get("items").isNull()) {
            throw ApiError.badRequest("MISSING_FIELD", "items is required: the item ids, best first", "items");
        }
        List<String> raw = Fields.stringList(body, "items", CuratedCollection.MAX_ITEMS);
        if (raw.isEmpty()) {
            throw ApiError.badRequest("INVALID_VALUE", "a collection holds 1 to " + CuratedCollection.MAX_ITEMS + " items", "items");
        }
        List<ItemId> items = new ArrayList<>(raw.size());
        Set<ItemId> seen = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            ItemId item = ItemsApi.itemId(raw.get(i), "items[" + i + "]");
            if (c.ctx().engine().catalog().indexOf(item).isEmpty()) {
                throw ApiError.badRequest("UNKNOWN_ITEM", "item is not in the catalog", "items[" + i + "]");
            }
            if (!seen.add(item)) {
                throw ApiError.badRequest("INVALID_VALUE", "a collection lists each item once", "items[" + i + "]");
            }
            items.add(item);
        }
        CuratedCollection col = new CuratedCollection(id, title, items, c.ctx().engine().clock().instant());
        c.audit("collection.put", Optional.empty(), Map.of("collection", id, "items", Integer.toString(items.size())));
        c.ctx().engine().putCollection(col);
        c.json(200, view(col));
    }

    private static void get(Call c) {
        CuratedCollection col = c.ctx().engine().collection(id(c))
                .orElseThrow(() -> ApiError.notFound("UNKNOWN_COLLECTION", "no curated collection has this id"));
        c.json(200, view(col));
    }

    private static void list(Call c) {
        c.json(200, Map.of("collections", c.ctx().engine().collections().stream().map(CollectionsApi::view).toList()));
    }

    private static void delete(Call c) {
        String id = id(c);
        if (c.ctx().engine().collection(id).isEmpty()) {
            throw ApiError.notFound("UNKNOWN_COLLECTION", "no curated collection has this id");
        }
        Instant now = c.ctx().engine().clock().instant();
        for (Experiment e : c.ctx().engine().experiments().experiments()) {
            if (e.status(now) != Experiment.Status.STOPPED && e.variants().stream().anyMatch(v -> v.strategy().usesCurated()
                    && (v.collections().isEmpty() || v.collections().contains(id)))) {
                throw new ApiError(409, "COLLECTION_IN_USE", "experiment " + e.id() + " serves this collection; stop it first", null);
            }
        }
        c.audit("collection.delete", Optional.empty(), Map.of("collection", id));
        c.ctx().engine().deleteCollection(id);
        c.res().status(204).send();
    }

    static Map<String, Object> view(CuratedCollection col) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", col.id());
        m.put("title", col.title());
        m.put("items", col.items().stream().map(ItemId::value).toList());
        m.put("updated_at", col.updatedAt().toString());
        return m;
    }
}
