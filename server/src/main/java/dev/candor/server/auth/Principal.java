package dev.candor.server.auth;

import dev.candor.model.Scope;
import java.util.Set;

/**
 * Who is calling: an API key with scopes ({@link Scope#ADMIN} may do everything), or an end user
 * holding a token for their own data only.
 *
 * @param keyId   the key's public id (safe to log), or {@code subject} for an end user
 * @param scopes  what it may do (none for an end user)
 * @param subject the end user, when the caller holds an end-user token
 */
public record Principal(String keyId, Set<Scope> scopes, java.util.Optional<dev.candor.model.SubjectId> subject) {
    public Principal(String keyId, Set<Scope> scopes) {
        this(keyId, scopes, java.util.Optional.empty());
    }

    public Principal {
        scopes = Set.copyOf(scopes);
        java.util.Objects.requireNonNull(subject, "subject");
    }

    /** {@return the principal of an end user with a valid token} */
    public static Principal endUser(dev.candor.model.SubjectId subject) {
        return new Principal("subject", Set.of(), java.util.Optional.of(subject));
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
