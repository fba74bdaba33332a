/**
 * Offline evaluation: dataset readers, the {@code strong} and {@code temporal} protocols of
 * DESIGN §7, ranking metrics, and the runner that applies one set of folds and one metric
 * implementation to every {@link dev.candor.eval.Algorithm} — Candor's own and, in the bench
 * module, the peers'.
 *
 * <p>Must not depend on {@code store}, {@code engine} or any transport; works on
 * {@link dev.candor.recommend.InteractionMatrix} only. Demographic attributes read here are for
 * per-segment auditing of accuracy, never features.
 */
package dev.candor.eval;
