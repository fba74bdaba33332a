/**
 * Blending of candidate sources: a weighted sum of per-source normalized scores whose arithmetic is
 * a static function, so it can be checked by hand. Blending only ever scales reasons; it never
 * invents one. Must not depend on {@code engine}, stores or transport.
 */
package dev.candor.recommend.blend;
