/**
 * Benchmarks, never part of the product: peers behind {@link dev.candor.eval.Algorithm} on the same
 * folds and metric code as Candor, the comparison that writes docs/benchmarks.md, training-speed
 * comparisons, load generators.
 */
package dev.candor.bench;
