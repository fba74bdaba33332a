package dev.candor.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.model.CandorException;
import dev.candor.model.SubjectId;
import dev.candor.testing.InMemoryStorage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FieldCipherTest {
    private final InMemoryStorage storage = new InMemoryStorage();
    private final byte[] master = new byte[32];
    private final SubjectId alice = SubjectId.of("a1".repeat(32));
    private final SubjectId bob = SubjectId.of("b2".repeat(32));

    private FieldCipher cipher() {
        Arrays.fill(master, (byte) 9);
        return new FieldCipher(master, storage.subjectKeys());
    }

    @Test
    void roundTrips_andTheCiphertextHoldsNoPlaintext() {
        byte[] sealed = cipher().encrypt(alice, "event:1", "running shoes for flat feet");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("running");
        assertThat(cipher().decrypt(alice, "event:1", sealed)).contains("running shoes for flat feet"); // a fresh instance unwraps the stored key
        assertThat(storage.wrappedKeys.get(alice)).isNotNull().hasSize(1 + 12 + 32 + 16);
    }

    @Test
    void ciphertextIsBoundToItsPersonAndRecord_andTamperingIsDetected() {
        FieldCipher c = cipher();
        byte[] sealed = c.encrypt(alice, "event:1", "secret");
        c.encrypt(bob, "event:2", "other");
        assertThatThrownBy(() -> c.decrypt(alice, "event:2", sealed)).isInstanceOf(CandorException.class);
        assertThatThrownBy(() -> c.decrypt(bob, "event:1", sealed)).isInstanceOf(CandorException.class);
        byte[] flipped = sealed.clone();
        flipped[flipped.length - 1] ^= 1;
        assertThatThrownBy(() -> c.decrypt(alice, "event:1", flipped)).isInstanceOf(CandorException.class);
    }

    @Test
    void shreddingMakesEverythingOfThatPersonUnreadable_andNobodyElses() {
        FieldCipher c = cipher();
        byte[] a = c.encrypt(alice, "event:1", "alice's search");
        byte[] b = c.encrypt(bob, "event:2", "bob's search");
        c.shred(alice);
        assertThat(c.decrypt(alice, "event:1", a)).isEmpty();
        assertThat(cipher().decrypt(alice, "event:1", a)).isEmpty();
        assertThat(c.decrypt(bob, "event:2", b)).contains("bob's search");
    }

    @Test
    void aWrongMasterKeyFailsClosed() {
        byte[] sealed = cipher().encrypt(alice, "event:1", "secret");
        byte[] other = new byte[32];
        assertThatThrownBy(() -> new FieldCipher(other, storage.subjectKeys()).decrypt(alice, "event:1", sealed))
                .isInstanceOf(CandorException.class);
    }
}
