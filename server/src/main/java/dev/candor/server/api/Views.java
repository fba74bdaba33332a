package dev.candor.server.api;

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

    public static Map<String, Object> scoredItem(ScoredItem s, Catalog catalog) {
        Item item = catalog.item(s.item());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("item", item.id().value());
        m.put("title", item.title());
        m.put("categories", item.categories());
        m.put("score", s.score());
        m.put("reasons", s.reasons().stream().map(Views::reason).toList());
        return m;
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
