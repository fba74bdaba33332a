/**
 * Consent: the current grants of each subject (cached over the {@code ConsentStore}), the gate that
 * drops events a subject has not consented to, and the sensitive-category policy.
 *
 * <p>Privacy by default: a subject the engine has not heard from has granted nothing
 * ({@link dev.candor.model.ConsentState#DEFAULT}). Fails closed: if consent cannot be read, the
 * store's exception propagates and nothing is processed. Must not depend on {@code recommend},
 * {@code engine} or any transport.
 */
package dev.candor.consent;
