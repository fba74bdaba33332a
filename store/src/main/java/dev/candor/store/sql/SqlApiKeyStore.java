package dev.candor.store.sql;

import dev.candor.model.Scope;
import dev.candor.store.ApiKey;
import dev.candor.store.ApiKeyStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** API keys in table {@code api_keys}: the key id and the SHA-256 of the key, never the key. */
final class SqlApiKeyStore implements ApiKeyStore {
    private static final String COLUMNS = "key_id, hash, scopes, label, created_at, revoked_at";
    private final Database db;

    SqlApiKeyStore(Database db) {
        this.db = db;
    }

    @Override
    public void put(ApiKey k) {
        db.write("put api key", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_keys (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (key_id) DO UPDATE SET hash = excluded.hash, scopes = excluded.scopes, label = excluded.label, "
                    + "created_at = excluded.created_at, revoked_at = excluded.revoked_at")) {
                ps.setString(1, k.keyId());
                ps.setBytes(2, k.hash());
                ps.setString(3, k.scopes().stream().sorted().map(Scope::wireName).collect(Collectors.joining(",")));
                ps.setString(4, k.label());
                ps.setLong(5, Codec.micros(k.createdAt()));
                if (k.revokedAt().isPresent()) {
                    ps.setLong(6, Codec.micros(k.revokedAt().get()));
                } else {
                    ps.setNull(6, java.sql.Types.BIGINT);
                }
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<ApiKey> get(String keyId) {
        return db.read("read api key", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM api_keys WHERE key_id = ?")) {
                ps.setString(1, keyId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<ApiKey> list() {
        return db.read("list api keys", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM api_keys ORDER BY created_at, key_id");
                 ResultSet rs = ps.executeQuery()) {
                List<ApiKey> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row(rs));
                }
                return out;
            }
        });
    }

    @Override
    public boolean revoke(String keyId, Instant at) {
        return db.write("revoke api key", c -> Sql.update(c,
                "UPDATE api_keys SET revoked_at = ? WHERE key_id = ? AND revoked_at IS NULL", Codec.micros(at), keyId) > 0);
    }

    private static ApiKey row(ResultSet rs) throws SQLException {
        EnumSet<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String s : rs.getString(3).split(",")) {
            scopes.add(Scope.fromWire(s).orElseThrow(() -> new IllegalStateException("unknown scope in store")));
        }
        long revoked = rs.getLong(6);
        Optional<Instant> revokedAt = rs.wasNull() ? Optional.empty() : Optional.of(Codec.instant(revoked));
        return new ApiKey(rs.getString(1), rs.getBytes(2), scopes, rs.getString(4), Codec.instant(rs.getLong(5)), revokedAt);
    }
}
