package dev.candor.server.auth;

import dev.candor.model.CandorException;
import dev.candor.model.Scope;
import dev.candor.store.ApiKey;
import dev.candor.store.ApiKeyStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates and verifies API keys. A key is {@code cnd_} followed by 30 random base62 characters
 * (≈178 bits); the store keeps only {@code SHA-256(key)} and an id made of the hash's first 16 hex
 * characters. Verified keys are cached for {@link #CACHE_TTL} so revocation by another process
 * takes effect within that time; revocation through this object is immediate.
 *
 * <p>Thread-safe.
 */
public final class ApiKeys {
    public static final Duration CACHE_TTL = Duration.ofSeconds(30);
    /** The shortest key accepted from {@code CANDOR_ADMIN_KEY}. */
    public static final int MIN_SUPPLIED_LENGTH = 24;
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final HexFormat HEX = HexFormat.of();

    private final ApiKeyStore store;
    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(ApiKey key, long expiresAtMillis) {
    }

    public ApiKeys(ApiKeyStore store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A newly created key: the secret is in {@link #secret()} and nowhere else. */
    public record Created(String keyId, String secret, Set<Scope> scopes) {
        @Override
        public String toString() {
            return "Created[keyId=" + keyId + ", scopes=" + scopes + "]";
        }
    }

    /** Creates a key with fresh randomness. */
    private volatile dev.candor.audit.AuditLog audit;

    /** Records key creation and revocation in {@code log} from now on. */
    public ApiKeys auditTo(dev.candor.audit.AuditLog log) {
        this.audit = log;
        return this;
    }

    public Created create(Set<Scope> scopes, String label) {
        StringBuilder sb = new StringBuilder("cnd_");
        for (int i = 0; i < 30; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return register(sb.toString(), scopes, label);
    }

    /**
     * Registers a key chosen by the operator (e.g. {@code CANDOR_ADMIN_KEY}).
     *
     * @throws IllegalArgumentException when shorter than {@link #MIN_SUPPLIED_LENGTH} or not printable ASCII
     */
    public Created register(String secret, Set<Scope> scopes, String label) {
        if (secret.length() < MIN_SUPPLIED_LENGTH || !secret.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new IllegalArgumentException("an API key must be at least " + MIN_SUPPLIED_LENGTH
                    + " printable ASCII characters without spaces");
        }
        byte[] hash = sha256(secret);
        String keyId = HEX.formatHex(hash, 0, 8);
        if (audit != null) {
            audit.record("system", "key.create", Optional.empty(), java.util.Map.of("key_id", keyId,
                    "scopes", String.join(",", scopes.stream().map(Scope::wireName).sorted().toList())));
        }
        store.put(new ApiKey(keyId, hash, scopes, label, clock.instant(), Optional.empty()));
        return new Created(keyId, secret, Set.copyOf(scopes));
    }

    /** {@return the principal for a presented key, if it is a known, active key} */
    public Optional<Principal> verify(String presented) {
        if (presented == null || presented.isEmpty() || presented.length() > 512) {
            return Optional.empty();
        }
        byte[] hash = sha256(presented);
        String keyId = HEX.formatHex(hash, 0, 8);
        long now = clock.millis();
        Cached c = cache.get(keyId);
        ApiKey key;
        if (c != null && c.expiresAtMillis() > now) {
            key = c.key();
        } else {
            Optional<ApiKey> stored = store.get(keyId);
            if (stored.isEmpty()) {
                cache.remove(keyId);
                return Optional.empty();
            }
            key = stored.get();
            cache.put(keyId, new Cached(key, now + CACHE_TTL.toMillis()));
        }
        if (!key.active() || !MessageDigest.isEqual(key.hash(), hash)) {
            return Optional.empty();
        }
        return Optional.of(new Principal(keyId, key.scopes()));
    }

    /** Revokes a key. {@return whether an active key was revoked} */
    public boolean revoke(String keyId) {
        if (audit != null) {
            audit.record("system", "key.revoke", Optional.empty(), java.util.Map.of("key_id", keyId));
        }
        cache.remove(keyId);
        return store.revoke(keyId, clock.instant());
    }

    /** {@return whether an active admin key exists} */
    public boolean hasActiveAdmin() {
        return store.list().stream().anyMatch(k -> k.active() && k.scopes().contains(Scope.ADMIN));
    }

    /**
     * Makes sure an admin key exists: registers {@code supplied} (from {@code CANDOR_ADMIN_KEY}) if
     * given and not yet registered, otherwise creates one when no active admin key exists.
     *
     * @return a key created now that the caller must show once, or empty
     */
    public Optional<Created> bootstrapAdmin(Optional<String> supplied) {
        if (supplied.isPresent()) {
            if (verify(supplied.get()).isEmpty()) {
                register(supplied.get(), Set.of(Scope.ADMIN), "CANDOR_ADMIN_KEY");
            }
            return Optional.empty();
        }
        if (hasActiveAdmin()) {
            return Optional.empty();
        }
        return Optional.of(create(Set.of(Scope.ADMIN), "initial admin key"));
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new CandorException("SHA-256 is not available", e);
        }
    }
}
