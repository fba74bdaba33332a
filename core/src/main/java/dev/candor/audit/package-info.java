/**
 * The tamper-evident audit log: append-only entries, each carrying the SHA-256 of the previous, so
 * any edited, deleted, inserted or reordered entry breaks verification. Entries about a person carry
 * an unlinkable reference ({@code HMAC(per-subject salt, …)}); erasure deletes the salt, after which
 * the entries stay (the chain must) but can no longer be tied to anyone.
 *
 * <p>What must not live here: storage (the {@link dev.candor.audit.AuditStore} interface is
 * implemented in {@code store}), raw user ids (never), payloads.
 */
package dev.candor.audit;
