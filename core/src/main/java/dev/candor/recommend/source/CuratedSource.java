package dev.candor.recommend.source;

import dev.candor.explain.Evidence;
import dev.candor.explain.Reason;
import dev.candor.model.CuratedCollection;
import dev.candor.model.ItemId;
import dev.candor.recommend.Candidate;
import dev.candor.recommend.CandidateSource;
import dev.candor.recommend.Catalog;
import dev.candor.recommend.DataCategory;
import dev.candor.recommend.SourceQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Human-picked collections: the item at position p (0-based) of a collection scores
 * {@code 1 / (p + 1)}, so collections interleave by rank; an item in several collections sums its
 * scores, and its reason ({@link Reason.Curated}, titled after the collection where it ranks
 * highest) carries one piece of evidence per collection, whose weights add up to the score. Reads
 * nothing about the subject (non-personal). Uses the collections the query names, in that order,
 * or every collection when it names none; items not in the catalog, filtered out, or already in
 * the subject's usable history are skipped (their positions still count, so "#3 in …" stays true).
 */
public final class CuratedSource implements CandidateSource {
    private final Supplier<List<CuratedCollection>> collections;
    private final Catalog catalog;

    public CuratedSource(Supplier<List<CuratedCollection>> collections, Catalog catalog) {
        this.collections = collections;
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "curated";
    }

    @Override
    public DataCategory dataCategory() {
        return DataCategory.CURATED;
    }

    @Override
    public List<Candidate> candidates(SourceQuery query, int limit) {
        Map<String, CuratedCollection> byId = new LinkedHashMap<>();
        for (CuratedCollection c : collections.get()) {
            byId.put(c.id(), c);
        }
        List<CuratedCollection> used = new ArrayList<>();
        if (query.collections().isEmpty()) {
            used.addAll(byId.values());
        } else {
            for (String id : query.collections()) {
                CuratedCollection c = byId.get(id);
                if (c != null) {
                    used.add(c);
                }
            }
        }
        Map<Integer, List<Evidence>> evidence = new LinkedHashMap<>();
        Map<Integer, String> bestTitle = new LinkedHashMap<>();
        Map<Integer, Double> bestWeight = new LinkedHashMap<>();
        for (CuratedCollection c : used) {
            List<ItemId> items = c.items();
            for (int p = 0; p < items.size(); p++) {
                OptionalInt i = catalog.indexOf(items.get(p));
                if (i.isEmpty() || !query.accept().test(i.getAsInt()) || query.history().contains(i.getAsInt())) {
                    continue;
                }
                double w = score(p);
                int item = i.getAsInt();
                evidence.computeIfAbsent(item, x -> new ArrayList<>())
                        .add(new Evidence(Evidence.Kind.COLLECTION, c.id(), c.title(), "#" + (p + 1), w));
                if (w > bestWeight.getOrDefault(item, 0.0)) {
                    bestWeight.put(item, w);
                    bestTitle.put(item, c.title());
                }
            }
        }
        List<Candidate> out = new ArrayList<>(evidence.size());
        evidence.forEach((item, ev) -> out.add(new Candidate(item, new Reason.Curated(bestTitle.get(item), ev))));
        out.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparingInt(Candidate::item));
        return out.subList(0, Math.min(limit, out.size()));
    }

    /** {@return the score of the item at 0-based position {@code p} of a collection: 1 / (p + 1)} */
    public static double score(int p) {
        return 1.0 / (p + 1);
    }
}
