package dev.candor.privacy;

import dev.candor.model.CandorException;
import dev.candor.model.SubjectId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encryption at rest of free-form fields (e.g. search text) with AES-256-GCM under a per-person data
 * key; data keys are stored wrapped by the master key (AES-GCM, the person's pseudonym as associated
 * data). Deleting a person's key makes every field encrypted under it unreadable, even in backups
 * (crypto-shredding). Ciphertext layout: version byte 1, 12-byte nonce, ciphertext with 16-byte tag;
 * the associated data binds it to the person and the record it belongs to, so it cannot be moved.
 * Fails closed: without the master key nothing is encrypted or decrypted.
 */
public final class FieldCipher {
    private static final byte VERSION = 1;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private final SecretKeySpec master;
    private final SubjectKeyStore keys;
    private final SecureRandom random = new SecureRandom();
    private final Map<SubjectId, SecretKeySpec> cache = new ConcurrentHashMap<>();

    /** @param masterKey 32 bytes */
    public FieldCipher(byte[] masterKey, SubjectKeyStore keys) {
        if (masterKey.length != 32) {
            throw new CandorException("the master key must be 32 bytes");
        }
        this.master = new SecretKeySpec(masterKey.clone(), "AES");
        this.keys = keys;
    }

    /** Encrypts {@code text} for the person; {@code context} (e.g. the event id) is bound as associated data. */
    public byte[] encrypt(SubjectId subject, String context, String text) {
        return seal(dataKey(subject, true).orElseThrow(), aad(subject, context), text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@return the plaintext, or empty when the person's key was deleted (shredded)} */
    public Optional<String> decrypt(SubjectId subject, String context, byte[] sealed) {
        Optional<SecretKeySpec> key = dataKey(subject, false);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new String(open(key.get(), aad(subject, context), sealed), StandardCharsets.UTF_8));
    }

    /** Deletes the person's data key everywhere. */
    public void shred(SubjectId subject) {
        cache.remove(subject);
        keys.delete(subject);
    }

    private Optional<SecretKeySpec> dataKey(SubjectId subject, boolean create) {
        SecretKeySpec cached = cache.get(subject);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<byte[]> wrapped = keys.wrappedKey(subject);
        if (wrapped.isEmpty()) {
            if (!create) {
                return Optional.empty();
            }
            byte[] fresh = new byte[32];
            random.nextBytes(fresh);
            wrapped = Optional.of(keys.putIfAbsent(subject, seal(master, aad(subject, "data-key"), fresh)));
        }
        SecretKeySpec key = new SecretKeySpec(open(master, aad(subject, "data-key"), wrapped.get()), "AES");
        cache.put(subject, key);
        return Optional.of(key);
    }

    private static byte[] aad(SubjectId subject, String context) {
        return (subject.value() + "\u0000" + context).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] seal(SecretKeySpec key, byte[] aad, byte[] plain) {
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(aad);
            byte[] ct = c.doFinal(plain);
            return ByteBuffer.allocate(1 + NONCE + ct.length).put(VERSION).put(nonce).put(ct).array();
        } catch (GeneralSecurityException e) {
            throw new CandorException("encryption failed", e);
        }
    }

    private static byte[] open(SecretKeySpec key, byte[] aad, byte[] sealed) {
        if (sealed.length < 1 + NONCE + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new CandorException("not a sealed field of a known version");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE));
            c.updateAAD(aad);
            return c.doFinal(sealed, 1 + NONCE, sealed.length - 1 - NONCE);
        } catch (GeneralSecurityException e) {
            throw new CandorException("a sealed field failed authentication (tampered, or bound to another record)", e);
        }
    }
}
