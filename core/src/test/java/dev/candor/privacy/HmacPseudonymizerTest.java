package dev.candor.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HmacPseudonymizerTest {
    private static byte[] key(int fill) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) fill);
        return k;
    }

    @Test
    void subject_sameKeySameId_isStableAndHidesRawId() {
        HmacPseudonymizer p = new HmacPseudonymizer(key(1));
        assertThat(p.subject("alice@example.com")).isEqualTo(p.subject("alice@example.com"));
        assertThat(p.subject("alice@example.com").value()).hasSize(64).doesNotContain("alice");
        assertThat(p.subject("alice@example.com")).isNotEqualTo(p.subject("bob@example.com"));
        assertThat(p.subject("alice@example.com").toString()).doesNotContain(p.subject("alice@example.com").value());
    }

    @Test
    void subject_otherKey_givesOtherPseudonym() {
        assertThat(new HmacPseudonymizer(key(1)).subject("alice")).isNotEqualTo(new HmacPseudonymizer(key(2)).subject("alice"));
    }

    @Test
    void session_differsFromSubjectOfSameString() {
        HmacPseudonymizer p = new HmacPseudonymizer(key(1));
        assertThat(p.session("s-1")).hasSize(32);
        assertThat(p.subject("s-1").value()).doesNotStartWith(p.session("s-1"));
    }

    @Test
    void subject_invalidRawId_throwsWithoutEchoingIt() {
        HmacPseudonymizer p = new HmacPseudonymizer(key(1));
        assertThatThrownBy(() -> p.subject("bad\u0000id")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("bad");
        assertThatThrownBy(() -> p.subject("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.subject("x".repeat(257))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HmacPseudonymizer(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void loadOrCreate_firstUse_createsOwnerOnlyFileAndReloadsSameKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/pseudonym.key");
        byte[] first = SecretFile.loadOrCreate(file, 32);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(SecretFile.loadOrCreate(file, 32)).isEqualTo(first);
        assertThat(first).hasSize(32);
    }
}
