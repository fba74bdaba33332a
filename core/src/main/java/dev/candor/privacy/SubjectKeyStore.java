package dev.candor.privacy;

import dev.candor.model.SubjectId;
import java.util.Optional;

/** Per-person data keys, stored wrapped (encrypted under the master key). Implemented by the store module. */
public interface SubjectKeyStore {
    Optional<byte[]> wrappedKey(SubjectId subject);

    /** Stores the wrapped key unless one exists. {@return the key now stored (the existing one if it raced)} */
    byte[] putIfAbsent(SubjectId subject, byte[] wrapped);

    /** Deletes the person's key: everything encrypted under it becomes unreadable (crypto-shredding). */
    boolean delete(SubjectId subject);
}
