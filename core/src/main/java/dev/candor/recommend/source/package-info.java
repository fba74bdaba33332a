/**
 * Candidate sources, one per technique, each producing scores together with their decomposition
 * into concrete evidence: item-based collaborative filtering ({@link dev.candor.recommend.source.ItemKnnSource}),
 * content ({@link dev.candor.recommend.source.ContentSource}) and popularity
 * ({@link dev.candor.recommend.source.PopularSource}).
 *
 * <p>Sources read trained models through suppliers (models are immutable and swapped whole) and
 * never touch stores. Must not depend on {@code engine} or any transport.
 */
package dev.candor.recommend.source;
