package dev.candor.server.auth;

import dev.candor.model.Scope;
import java.util.Set;

/**
 * Who is calling: an API key with scopes. {@link Scope#ADMIN} may do everything.
 *
 * @param keyId  the key's public id (safe to log)
 * @param scopes what it may do
 */
public record Principal(String keyId, Set<Scope> scopes) {
    public Principal {
        scopes = Set.copyOf(scopes);
    }

    /** {@return whether the principal holds any of {@code allowed} (admin holds all)} */
    public boolean mayAny(Set<Scope> allowed) {
        if (scopes.contains(Scope.ADMIN)) {
            return true;
        }
        for (Scope s : allowed) {
            if (scopes.contains(s)) {
                return true;
            }
        }
        return false;
    }
}
