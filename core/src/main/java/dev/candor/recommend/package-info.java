/**
 * The recommend path: the in-memory catalog, candidate sources (one per technique, in
 * {@code recommend.source}), the personalization policy, blending and re-ranking.
 *
 * <p>Every candidate carries the reasons its score is made of (see {@code explain}); blending and
 * re-ranking keep that arithmetic intact so reasons always add up to the score. Must not depend on
 * {@code store} implementations, JDBC or any transport.
 */
package dev.candor.recommend;
