package dev.candor.eval.algorithms;

import dev.candor.privacy.dp.DpGram;
import dev.candor.privacy.dp.PrivacyParams;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The data-independent rule that sets every hyper-parameter of the DP item models: nothing is
 * tuned on the private data, so tuning spends no privacy (a tuned choice would itself be a release).
 * The constants were fixed once on the validation splits of ml-100k and ml-latest-small (never their
 * test folds; see docs/privacy-dp.md) and are applied unchanged to any data.
 *
 * @param maxItems        the Gram matrix covers the {@code maxItems} most popular items, selected privately
 * @param selectionShare  share of ρ spent on that selection
 * @param fullWeightItems c of {@link DpGram}: 1 normalizes every person's outer product to Frobenius norm ≤ 1
 * @param easeLambdaShare EASE's λ as a share of the noisy Gram's trace
 * @param knnNeighbours   item-kNN neighbours per item
 * @param knnShrink       item-kNN shrinkage, in units of the Gram noise σ
 */
public record DpRule(int maxItems, double selectionShare, int fullWeightItems, double easeLambdaShare, int knnNeighbours,
                     double knnShrink) {
    /** The rule Candor uses. */
    public static final DpRule DEFAULT = new DpRule(300, 0.1, 1, 0.01, 100, 2.0);

    /** {@return the release settings at ε, with δ = 1/n for n people} */
    public DpGram.Settings settings(double epsilon, int people) {
        return new DpGram.Settings(PrivacyParams.withDeltaOneOver(epsilon, people), maxItems, selectionShare, fullWeightItems);
    }

    Map<String, Object> params(double epsilon, String model) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epsilon", epsilon);
        m.put("delta", "1/n (n = training people)");
        m.put("max_items", maxItems);
        m.put("selection_share", selectionShare);
        m.put("full_weight_items", fullWeightItems);
        if (model.equals("ease")) {
            m.put("lambda_share_of_trace", easeLambdaShare);
        } else {
            m.put("neighbours", knnNeighbours);
            m.put("shrink_sigmas", knnShrink);
        }
        return m;
    }
}
