package dev.candor.store;

import dev.candor.model.Scope;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A stored API key: never the secret itself, only its id and a SHA-256 hash of the whole key.
 *
 * @param keyId     the public part of the key, used to look it up
 * @param hash      SHA-256 of the full key string
 * @param scopes    what the key may do
 * @param label     an operator's note
 * @param createdAt when it was made
 * @param revokedAt when it was revoked, if it was
 */
public record ApiKey(String keyId, byte[] hash, Set<Scope> scopes, String label, Instant createdAt,
                     Optional<Instant> revokedAt) {
    public ApiKey {
        Objects.requireNonNull(keyId, "keyId");
        hash = hash.clone();
        if (hash.length != 32) {
            throw new IllegalArgumentException("key hash must be 32 bytes");
        }
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("a key needs at least one scope");
        }
        scopes = Set.copyOf(EnumSet.copyOf(scopes));
        label = label == null ? "" : label;
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    public boolean active() {
        return revokedAt.isEmpty();
    }
}
