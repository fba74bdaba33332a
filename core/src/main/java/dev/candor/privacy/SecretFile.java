package dev.candor.privacy;

import dev.candor.model.CandorException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * A secret key kept in a file of the data directory, readable by its owner only (mode 0600).
 * Created with fresh {@link SecureRandom} bytes on first use; the file holds the key in base64.
 */
public final class SecretFile {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SecretFile() {
    }

    /**
     * {@return the key in {@code file}, creating it with {@code bytes} random bytes if absent}
     *
     * @throws CandorException when the file cannot be read or created, or holds a malformed key
     */
    public static byte[] loadOrCreate(Path file, int bytes) {
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[bytes];
                new SecureRandom().nextBytes(key);
                try {
                    write(file, key);
                    return key;
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first: fall through and read theirs
                }
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file).strip());
            if (key.length < bytes) {
                throw new CandorException("key file " + file.getFileName() + " holds a key shorter than " + bytes + " bytes");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new CandorException("key file " + file.getFileName() + " is not valid base64", e);
        } catch (IOException e) {
            throw new CandorException("cannot read or create key file " + file.getFileName(), e);
        }
    }

    private static void write(Path file, byte[] key) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".key", ".tmp");
        try {
            if (Files.getFileAttributeView(tmp, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(tmp, OWNER_ONLY);
            }
            Files.writeString(tmp, Base64.getEncoder().encodeToString(key) + "\n", StandardOpenOption.TRUNCATE_EXISTING);
            try (var ch = java.nio.channels.FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.createLink(file, tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
