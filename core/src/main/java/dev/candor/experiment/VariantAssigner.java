package dev.candor.experiment;

import dev.candor.model.ConsentState;
import dev.candor.model.Purpose;
import dev.candor.model.SubjectId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;

/**
 * Deterministic assignment: a subject's bucket is a number in [0, 1) read from
 * {@code SHA-256("candor.experiment\0" + experiment id + "\0" + subject id)} (the first 53 bits of
 * the digest), and the variant is the one whose slice of the cumulative normalized weights holds
 * it. No state and no randomness: the same subject gets the same variant on every node and after
 * every restart, as long as the pseudonymization key (hence the {@link SubjectId}) is unchanged.
 * Different experiments hash independently. Thread-safe; stateless.
 */
public final class VariantAssigner {
    private static final byte[] LABEL = "candor.experiment\0".getBytes(StandardCharsets.UTF_8);

    private VariantAssigner() {
    }

    /** {@return the subject's bucket in [0, 1) for this experiment} */
    public static double bucket(ExperimentId experiment, SubjectId subject) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
        sha.update(LABEL);
        sha.update(experiment.value().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(subject.value().getBytes(StandardCharsets.UTF_8));
        long h = ByteBuffer.wrap(sha.digest()).getLong();
        return (h >>> 11) * 0x1.0p-53;
    }

    /** {@return the variant whose slice of the cumulative normalized weights holds {@code bucket}} */
    public static Variant pick(List<Variant> variants, double bucket) {
        double total = 0;
        for (Variant v : variants) {
            total += v.weight();
        }
        double cumulative = 0;
        for (Variant v : variants) {
            cumulative += v.weight() / total;
            if (bucket < cumulative) {
                return v;
            }
        }
        return variants.getLast(); // rounding: cumulative may end a hair below 1
    }

    /**
     * {@return the subject's assignment at {@code at}}: not enrolled without the {@code experiments}
     * purpose or outside the experiment's running time, else the hashed variant.
     */
    public static Assignment assign(Experiment experiment, SubjectId subject, ConsentState consent, Instant at) {
        if (!consent.allows(Purpose.EXPERIMENTS)) {
            return new Assignment.NotEnrolled(Assignment.Why.NO_EXPERIMENTS_CONSENT);
        }
        if (!experiment.isRunning(at)) {
            return new Assignment.NotEnrolled(Assignment.Why.NOT_RUNNING);
        }
        return new Assignment.Enrolled(experiment.id(), pick(experiment.variants(), bucket(experiment.id(), subject)));
    }
}
