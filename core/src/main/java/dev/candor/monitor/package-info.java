/**
 * Trust and fairness monitoring: a time-bucketed series of trust metrics
 * ({@link dev.candor.monitor.TrustMonitor}, {@link dev.candor.monitor.TrustMetrics}) built from the
 * engine's cumulative counters and a few hooks (consent changes, erasures), and pure functions of
 * exposure and calibration ({@link dev.candor.monitor.FairnessMetrics},
 * {@link dev.candor.monitor.Calibration}).
 *
 * <p>Everything here is counts and shares: no method accepts or keeps a subject id. Must not depend
 * on {@code engine} (the wiring feeds it), {@code store} implementations, JDBC or any transport.
 */
package dev.candor.monitor;
