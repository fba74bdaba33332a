package dev.candor.trust;

import java.util.Objects;
import java.util.Optional;

/**
 * One scored check of the rubric: {@code points} possible, {@code credit} (0–1) of them earned.
 * Package-private: both entry points of {@link TrustCalculator} reduce to a list of these.
 */
record Check(Dimension dimension, double points, double credit, String text, String observed,
             Optional<PublishedFigure> figure) {
    Check {
        Objects.requireNonNull(dimension, "dimension");
        if (!(points > 0) || !(credit >= 0 && credit <= 1)) {
            throw new IllegalArgumentException("points must be > 0 and credit in [0, 1]");
        }
    }

    static Check of(Dimension d, double points, double credit, String text, String observed, PublishedFigure figure) {
        return new Check(d, points, credit, text, observed, Optional.ofNullable(figure));
    }

    Finding finding() {
        Finding.Status s = credit >= 1 ? Finding.Status.MET : credit > 0 ? Finding.Status.PARTIAL : Finding.Status.GAP;
        return new Finding(s, text, figure.map(f -> observed + "; " + f.citation()).orElse(observed));
    }
}
