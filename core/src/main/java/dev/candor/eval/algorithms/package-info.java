/**
 * Candor's own algorithms under evaluation, as {@link dev.candor.eval.Algorithm}s over the same
 * model classes the serving engine uses ({@code dev.candor.recommend.source}). Peers live in the
 * bench module.
 */
package dev.candor.eval.algorithms;
