/**
 * Domain values: typed ids, items, events, consent, preferences and feedback.
 *
 * <p>Everything here is an immutable record validated in its compact constructor. The only user
 * key a value in this package carries is {@link dev.candor.model.SubjectId}, the pseudonym; raw
 * user ids never enter this package. Must not depend on any other Candor package.
 */
package dev.candor.model;
