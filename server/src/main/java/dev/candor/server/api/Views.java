package dev.candor.server.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import dev.candor.explain.Evidence;
import dev.candor.explain.Reason;
import dev.candor.ingest.RowError;
import dev.candor.model.ConsentChange;
import dev.candor.model.ConsentState;
import dev.candor.model.Item;
import dev.candor.model.Preferences;
import dev.candor.model.Purpose;
import dev.candor.recommend.Catalog;
import dev.candor.recommend.DataCategory;
import dev.candor.recommend.ScoredItem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Domain values as JSON-ready maps, with the wire names of the API contract. */
public final class Views {
    private Views() {
    }

    public static Map<String, Object> item(Item item) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", item.id().value());
        m.put("title", item.title());
        m.put("categories", item.categories());
        m.put("attributes", item.attributes());
        m.put("active", item.active());
        m.put("updated_at", item.updatedAt().toString());
        return m;
    }

    public static Map<String, Object> consent(ConsentState state) {
        Map<String, Object> purposes = new LinkedHashMap<>();
        state.asMap().forEach((p, g) -> purposes.put(p.wireName(), g));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("purposes", purposes);
        m.put("recorded", state.known());
        m.put("updated_at", state.known() ? state.updatedAt().toString() : null);
        return m;
    }

    public static List<Map<String, Object>> consentHistory(List<ConsentChange> history) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ConsentChange c : history) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("purpose", c.purpose().wireName());
            m.put("granted", c.granted());
            m.put("at", c.at().toString());
            m.put("source", c.source());
            out.add(m);
        }
        return out;
    }

    public static Map<String, String> purposeDescriptions() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Purpose p : Purpose.values()) {
            m.put(p.wireName(), p.description());
        }
        return m;
    }

    public static Map<String, Object> preferences(Preferences p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("liked_categories", p.likedCategories());
        m.put("disliked_categories", p.dislikedCategories());
        m.put("intensity", p.intensity().wireName());
        m.put("sensitive_opt_in", p.sensitiveOptIns());
        m.put("hidden_interests", p.hiddenInterests());
        m.put("updated_at", p.updatedAt().equals(java.time.Instant.EPOCH) ? null : p.updatedAt().toString());
        return m;
    }

    public static Map<String, Object> reason(Reason r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", r.kind());
        m.put("text", r.text());
        m.put("weight", r.weight());
        List<Map<String, Object>> ev = new ArrayList<>();
        for (Evidence e : r.evidence()) {
            Map<String, Object> em = new LinkedHashMap<>();
            em.put("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT));
            em.put("ref", e.ref());
            em.put("label", e.label());
            em.put("relation", e.relation());
            em.put("weight", e.weight());
            ev.add(em);
        }
        m.put("evidence", ev);
        return m;
    }

    /** {@return a recommended item as JSON: id, title, categories, score and its reasons} */
    public static Object scoredItem(ScoredItem s, Catalog catalog) {
        return scoredItem(s, catalog, true);
    }

    /**
     * {@return a recommended item as JSON, written straight to the generator (the recommendation
     * path's hot spot): the same document as {@link #reason}'s maps, with {@code reasons} empty when
     * {@code explained} is false}
     */
    public static Object scoredItem(ScoredItem s, Catalog catalog, boolean explained) {
        return new ScoredItemJson(s, catalog.item(s.item()), explained);
    }

    private record ScoredItemJson(ScoredItem s, Item item, boolean explained) implements JsonSerializable {
        @Override
        public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeStartObject();
            g.writeStringField("item", item.id().value());
            g.writeStringField("title", item.title());
            g.writeArrayFieldStart("categories");
            for (String c : item.categories()) {
                g.writeString(c);
            }
            g.writeEndArray();
            g.writeNumberField("score", s.score());
            g.writeArrayFieldStart("reasons");
            if (explained) {
                for (Reason r : s.reasons()) {
                    writeReason(g, r);
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }

        @Override
        public void serializeWithType(JsonGenerator g, SerializerProvider provider, TypeSerializer type) throws IOException {
            serialize(g, provider);
        }
    }

    /** Writes what {@link #reason} maps, field for field. */
    private static void writeReason(JsonGenerator g, Reason r) throws IOException {
        g.writeStartObject();
        g.writeStringField("kind", r.kind());
        g.writeStringField("text", r.text());
        g.writeNumberField("weight", r.weight());
        g.writeArrayFieldStart("evidence");
        for (Evidence e : r.evidence()) {
            g.writeStartObject();
            g.writeStringField("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT));
            g.writeStringField("ref", e.ref());
            g.writeStringField("label", e.label());
            g.writeStringField("relation", e.relation());
            g.writeNumberField("weight", e.weight());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    public static List<String> dataUsed(java.util.Set<DataCategory> used) {
        return used.stream().sorted().map(DataCategory::wireName).toList();
    }

    public static Map<String, Object> rowError(RowError e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", e.index());
        m.put("code", e.code());
        m.put("message", e.message());
        m.put("field", e.field());
        return m;
    }
}
