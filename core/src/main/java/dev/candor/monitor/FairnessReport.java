package dev.candor.monitor;

import dev.candor.model.Item;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Exposure fairness of what was served, for the console.
 *
 * @param itemsServed        total exposures
 * @param catalogSize        items in the catalog
 * @param coverage           share of the catalog served at least once
 * @param gini               Gini coefficient of exposure over the catalog
 * @param byPopularityDecile exposure share per popularity decile (1 = most popular)
 * @param byCategory         exposure share per category
 * @param meanCalibration    mean Steck miscalibration over the users sampled, when any were
 */
public record FairnessReport(long itemsServed, int catalogSize, double coverage, double gini,
                             Map<Integer, Double> byPopularityDecile, Map<String, Double> byCategory,
                             Optional<Double> meanCalibration) {
    public FairnessReport {
        byPopularityDecile = Map.copyOf(byPopularityDecile);
        byCategory = Map.copyOf(byCategory);
        Objects.requireNonNull(meanCalibration, "meanCalibration");
    }

    /**
     * {@return the report for exposure counts over a catalog}
     *
     * @param exposure    times each item id was served
     * @param catalog     the catalog's items
     * @param popularity  each item id's popularity (e.g. interaction count), for the deciles
     * @param calibration per-user miscalibration values computed with {@link Calibration#kl}
     */
    public static FairnessReport of(Map<String, Long> exposure, List<Item> catalog, Map<String, Long> popularity,
                                    List<Double> calibration) {
        List<String> ids = catalog.stream().map(i -> i.id().value()).toList();
        Map<String, List<String>> categories = catalog.stream()
                .collect(Collectors.toMap(i -> i.id().value(), Item::categories, (a, b) -> a));
        Function<String, List<String>> groups = id -> categories.getOrDefault(id, List.of());
        long served = exposure.values().stream().mapToLong(Long::longValue).sum();
        return new FairnessReport(served, ids.size(), FairnessMetrics.coverage(exposure, ids),
                FairnessMetrics.gini(exposure, ids), FairnessMetrics.shareByPopularityDecile(exposure, popularity),
                FairnessMetrics.shareByGroup(exposure, groups),
                calibration.isEmpty() ? Optional.empty()
                        : Optional.of(calibration.stream().mapToDouble(Double::doubleValue).average().orElseThrow()));
    }
}
