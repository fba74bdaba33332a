package dev.candor.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API keys, stored hashed. Thread-safe. */
public interface ApiKeyStore {
    void put(ApiKey key);

    Optional<ApiKey> get(String keyId);

    List<ApiKey> list();

    /** {@return whether an active key was revoked} */
    boolean revoke(String keyId, Instant at);
}
