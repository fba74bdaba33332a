/**
 * Privacy mechanisms at the edge and at rest: pseudonymization of raw user ids, secret key
 * files, and (with later work) encryption of free-form fields and retention.
 *
 * <p>The raw user id exists only between the HTTP edge and {@link dev.candor.privacy.Pseudonymizer};
 * nothing in this package logs or stores it. Must not depend on {@code store}, {@code recommend}
 * or any transport.
 */
package dev.candor.privacy;
