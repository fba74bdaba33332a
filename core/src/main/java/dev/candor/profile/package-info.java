/**
 * What the engine knows about a subject's behaviour, in memory: the live interaction index (every
 * accepted event is visible to the next request), event kinds with their weight and half-life
 * ({@link dev.candor.profile.DecayPolicy}), and per-request snapshots of a history.
 *
 * <p>Keys are {@link dev.candor.model.SubjectId}s only. Must not depend on {@code recommend},
 * {@code engine}, stores' implementations or any transport.
 */
package dev.candor.profile;
