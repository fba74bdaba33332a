package dev.candor.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.candor.model.SubjectId;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Short-lived signed tokens that let an end user reach their own data ({@code /v1/me/...}) and
 * nothing else: JWTs signed with HMAC-SHA256 under a key kept in the data directory (mode 0600).
 * Verification accepts only HS256 with this key, the audience {@value #AUDIENCE}, and an unexpired
 * token; the subject claim is the user's pseudonym, never their raw id.
 */
public final class EndUserTokens {
    public static final String AUDIENCE = "candor-me";
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(15);
    public static final Duration MAX_TTL = Duration.ofHours(1);
    private static final Duration SKEW = Duration.ofSeconds(30);
    private final MACSigner signer;
    private final MACVerifier verifier;
    private final InstantSource clock;

    /** @param key at least 32 bytes */
    public EndUserTokens(byte[] key, InstantSource clock) {
        try {
            this.signer = new MACSigner(key);
            this.verifier = new MACVerifier(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the token key must be at least 32 bytes", e);
        }
        this.clock = clock;
    }

    /** A token and when it stops working. */
    public record Issued(String token, Instant expiresAt) {
    }

    public Issued issue(SubjectId subject, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("a token lives between 1 second and " + MAX_TTL.toMinutes() + " minutes");
        }
        Instant now = clock.instant();
        Instant exp = now.plus(ttl);
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject.value()).audience(AUDIENCE).issueTime(Date.from(now))
                .expirationTime(Date.from(exp)).jwtID(UUID.randomUUID().toString()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the token", e);
        }
        return new Issued(jwt.serialize(), exp);
    }

    /** {@return the user the token is for, if it is a valid, unexpired token of ours} */
    public Optional<SubjectId> verify(String token) {
        if (token == null || token.length() > 4096) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet c = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            if (c.getExpirationTime() == null || !c.getExpirationTime().toInstant().plus(SKEW).isAfter(now)
                    || c.getIssueTime() == null || c.getIssueTime().toInstant().minus(SKEW).isAfter(now)
                    || !List.of(AUDIENCE).equals(c.getAudience()) || !SubjectId.isValid(c.getSubject())) {
                return Optional.empty();
            }
            return Optional.of(SubjectId.of(c.getSubject()));
        } catch (ParseException | JOSEException | IllegalStateException e) {
            return Optional.empty();
        }
    }
}
