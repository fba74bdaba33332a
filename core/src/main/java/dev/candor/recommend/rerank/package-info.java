/**
 * Re-rankers applied after blending: they reorder or drop candidates, never change a score or its
 * reasons (so explanations stay faithful). What must not live here: scoring.
 */
package dev.candor.recommend.rerank;
