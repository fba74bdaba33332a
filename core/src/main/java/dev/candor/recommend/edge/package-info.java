/**
 * On-device personalization: {@link dev.candor.recommend.edge.EdgeModel}, a compact, quantized
 * item-kNN model a browser downloads once and scores locally from events it keeps itself, and the
 * server-side reference scoring with the same arithmetic (the production
 * {@link dev.candor.recommend.source.ItemKnnSource} over the model's own numbers). Must not depend on
 * {@code engine}, stores or any transport.
 */
package dev.candor.recommend.edge;
