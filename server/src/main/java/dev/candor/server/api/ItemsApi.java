package dev.candor.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.ingest.RowError;
import dev.candor.model.Item;
import dev.candor.model.ItemId;
import dev.candor.model.Scope;
import dev.candor.recommend.ScoredItem;
import dev.candor.server.ApiError;
import dev.candor.server.Fields;
import dev.candor.store.Page;
import io.helidon.http.Method;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The catalog: items, batches, listing with cursors, similar items. */
public final class ItemsApi {
    private static final Set<String> ITEM_FIELDS = Set.of("id", "title", "categories", "attributes", "active");

    private ItemsApi() {
    }

    public static void register(RouteTable t) {
        Set<Scope> write = Set.of(Scope.INGEST);
        Set<Scope> read = Set.of(Scope.INGEST, Scope.RECOMMEND);
        t.add(Method.POST, "/v1/items:batch", write, ItemsApi::batch);
        t.add(Method.GET, "/v1/items", read, ItemsApi::list);
        t.add(Method.PUT, "/v1/items/{id}", write, ItemsApi::put);
        t.add(Method.GET, "/v1/items/{id}", read, ItemsApi::get);
        t.add(Method.DELETE, "/v1/items/{id}", write, ItemsApi::delete);
        t.add(Method.GET, "/v1/items/{id}/similar", Set.of(Scope.RECOMMEND), ItemsApi::similar);
    }

    static ItemId itemId(String raw, String field) {
        if (!ItemId.isValid(raw)) {
            throw ApiError.badRequest("INVALID_ITEM", "item id must be 1 to " + ItemId.MAX_LENGTH
                    + " characters without control characters", field);
        }
        return ItemId.of(raw);
    }

    /** {@return an item from its JSON (fields other than id), or an ApiError} */
    static Item parse(ItemId id, JsonNode obj, Instant now) {
        Fields.requireObject(obj, "an item");
        Fields.onlyFields(obj, ITEM_FIELDS);
        String title = Fields.optionalString(obj, "title").orElse(null);
        List<String> categories = Fields.stringList(obj, "categories", Item.MAX_CATEGORIES);
        Map<String, String> attributes = Fields.stringMap(obj, "attributes", Item.MAX_ATTRIBUTES);
        boolean active = Fields.optionalBoolean(obj, "active").orElse(true);
        try {
            return new Item(id, title, categories, attributes, active, now);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("INVALID_VALUE", e.getMessage(), null);
        }
    }

    private static void put(Call c) {
        ItemId id = itemId(c.path("id"), "id");
        JsonNode body = c.body();
        Fields.requireObject(body, "the body");
        if (body.has("id") && (!body.get("id").isTextual() || !body.get("id").textValue().equals(id.value()))) {
            throw ApiError.badRequest("INVALID_VALUE", "id in the body must match the id in the path", "id");
        }
        Item item = parse(id, body, c.ctx().engine().clock().instant());
        c.ctx().engine().putItems(List.of(item));
        c.json(200, Views.item(item));
    }

    private static void batch(Call c) {
        JsonNode body = c.body();
        if (!body.isArray()) {
            throw ApiError.badRequest("INVALID_BODY", "the body must be a JSON array of items", null);
        }
        if (body.size() > c.ctx().config().maxBatch()) {
            throw new ApiError(413, "BATCH_TOO_LARGE", "a batch holds at most " + c.ctx().config().maxBatch() + " rows", null);
        }
        Instant now = c.ctx().engine().clock().instant();
        List<Item> items = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        java.util.Set<ItemId> seen = new java.util.HashSet<>();
        for (int i = 0; i < body.size(); i++) {
            try {
                JsonNode row = Fields.requireObject(body.get(i), "each row");
                ItemId id = itemId(Fields.requiredString(row, "id"), "id");
                Item item = parse(id, row, now);
                if (!seen.add(id)) {
                    items.removeIf(x -> x.id().equals(id)); // last one wins, as for PUT
                }
                items.add(item);
            } catch (ApiError e) {
                errors.add(new RowError(i, e.code(), e.getMessage(), e.field() == null ? "" : e.field()));
            }
        }
        if (!items.isEmpty()) {
            c.ctx().engine().putItems(items);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("stored", items.size());
        out.put("errors", errors.stream().map(Views::rowError).toList());
        c.json(items.isEmpty() && !errors.isEmpty() ? 400 : 200, items.isEmpty() && !errors.isEmpty()
                ? withError(out, "INVALID_ITEMS", "every row was rejected") : out);
    }

    static Map<String, Object> withError(Map<String, Object> body, String code, String message) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("error", Map.of("code", code, "message", message));
        out.putAll(body);
        return out;
    }

    private static void list(Call c) {
        int limit = c.intQuery("limit", 100, 1, 1000);
        Optional<ItemId> after = c.query("cursor").map(ItemsApi::decodeCursor);
        Page<Item, ItemId> page = c.ctx().engine().listItems(limit, after);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", page.items().stream().map(Views::item).toList());
        out.put("next", page.next().map(ItemsApi::encodeCursor).orElse(null));
        c.json(200, out);
    }

    static String encodeCursor(ItemId id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id.value().getBytes(StandardCharsets.UTF_8));
    }

    static ItemId decodeCursor(String cursor) {
        try {
            String v = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!ItemId.isValid(v)) {
                throw new IllegalArgumentException("bad cursor");
            }
            return ItemId.of(v);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("INVALID_PARAMETER", "cursor is not one this API returned", "cursor");
        }
    }

    private static void get(Call c) {
        ItemId id = itemId(c.path("id"), "id");
        Item item = c.ctx().engine().item(id).orElseThrow(() -> ApiError.notFound("UNKNOWN_ITEM", "no item with this id"));
        c.json(200, Views.item(item));
    }

    private static void delete(Call c) {
        ItemId id = itemId(c.path("id"), "id");
        if (!c.ctx().engine().deleteItem(id)) {
            throw ApiError.notFound("UNKNOWN_ITEM", "no item with this id");
        }
        c.res().status(204).send();
    }

    private static void similar(Call c) {
        ItemId id = itemId(c.path("id"), "id");
        int n = c.intQuery("n", 10, 1, 100);
        List<ScoredItem> items = c.ctx().engine().similar(id, n)
                .orElseThrow(() -> ApiError.notFound("UNKNOWN_ITEM", "no item with this id"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("item", id.value());
        out.put("items", items.stream().map(s -> Views.scoredItem(s, c.ctx().engine().catalog())).toList());
        c.json(200, out);
    }
}
