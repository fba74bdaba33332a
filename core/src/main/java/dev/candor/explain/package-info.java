/**
 * Explanations that travel with scores. A {@link dev.candor.explain.Reason} is a share of an item's
 * score together with the concrete evidence it came from; a recommended item's reasons add up to
 * its score, because sources produce them with the score from the same arithmetic and the blender
 * only ever scales them (see {@code recommend.Blender}). Text is rendered from the evidence, never
 * generated afterwards.
 *
 * <p>Must not depend on {@code store}, {@code engine} or any transport.
 */
package dev.candor.explain;
