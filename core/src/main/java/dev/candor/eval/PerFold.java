package dev.candor.eval;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One algorithm whose settings were chosen per fold (by {@link Tuner} on that fold's training users):
 * on each fold it is that fold's instance. Its name is theirs; its parameters list every fold's.
 */
public final class PerFold implements Algorithm {
    private final String name;
    private final Map<FoldData, Algorithm> byFold = new IdentityHashMap<>();
    private final List<Map<String, Object>> params = new ArrayList<>();

    private PerFold(List<Fold> folds, List<? extends Algorithm> instances) {
        if (folds.size() != instances.size() || folds.isEmpty()) {
            throw new IllegalArgumentException("one instance per fold");
        }
        this.name = instances.getFirst().name();
        for (int k = 0; k < folds.size(); k++) {
            Algorithm a = instances.get(k);
            if (!a.name().equals(name)) {
                throw new IllegalArgumentException("every fold's instance must be the same algorithm");
            }
            byFold.put(folds.get(k).data(), a);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("fold", folds.get(k).index() + 1);
            p.putAll(a.params());
            params.add(p);
        }
    }

    /** {@return the algorithm that is {@code instance.apply(fold)} on each of {@code folds}} */
    public static PerFold of(List<Fold> folds, Function<Fold, ? extends Algorithm> instance) {
        return new PerFold(folds, folds.stream().map(f -> (Algorithm) instance.apply(f)).toList());
    }

    /** {@return the instance used on {@code fold}} */
    public Algorithm on(Fold fold) {
        return Objects.requireNonNull(byFold.get(fold.data()), "not one of this algorithm's folds");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("per_fold", params);
    }

    @Override
    public Fitted fit(FoldData data) {
        Algorithm a = byFold.get(data);
        if (a == null) {
            throw new IllegalArgumentException("not one of this algorithm's folds");
        }
        return a.fit(data);
    }
}
