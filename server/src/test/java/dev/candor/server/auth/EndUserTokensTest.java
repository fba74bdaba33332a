package dev.candor.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.model.SubjectId;
import dev.candor.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EndUserTokensTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-05-01T12:00:00Z"));
    private final byte[] key = new byte[32];
    private final SubjectId alice = SubjectId.of("ab".repeat(32));

    @Test
    void expiresAfterItsLifetime_andAnotherKeyCannotVerifyIt() {
        Arrays.fill(key, (byte) 1);
        EndUserTokens tokens = new EndUserTokens(key, clock);
        String t = tokens.issue(alice, Duration.ofMinutes(5)).token();
        assertThat(tokens.verify(t)).contains(alice);
        clock.advance(Duration.ofMinutes(5).plusSeconds(31));
        assertThat(tokens.verify(t)).isEmpty();
        byte[] other = key.clone();
        other[0] = 2;
        assertThat(new EndUserTokens(other, clock).verify(tokens.issue(alice, Duration.ofMinutes(5)).token())).isEmpty();
        assertThatThrownBy(() -> tokens.issue(alice, Duration.ofHours(2))).isInstanceOf(IllegalArgumentException.class);
    }
}
