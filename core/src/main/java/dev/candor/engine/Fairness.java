package dev.candor.engine;

import dev.candor.monitor.FairnessReport;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Exposure fairness over a window of days and the calibration of a sample of users'
 * recommendations against their histories, for {@code GET /v1/fairness}.
 *
 * @param from              first day of the exposure window (UTC)
 * @param to                last day (UTC, inclusive)
 * @param report            coverage, Gini, shares by popularity decile and category, mean miscalibration
 * @param usersSampled      users whose recommendations were checked for calibration
 * @param medianCalibration median miscalibration of those users, when any
 */
public record Fairness(LocalDate from, LocalDate to, FairnessReport report, int usersSampled, Optional<Double> medianCalibration) {
    public Fairness {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(medianCalibration, "medianCalibration");
    }
}
