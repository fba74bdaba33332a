/**
 * Online experiments: definitions ({@link dev.candor.experiment.Experiment}, one
 * {@link dev.candor.experiment.Strategy} per {@link dev.candor.experiment.Variant}), deterministic
 * assignment ({@link dev.candor.experiment.VariantAssigner}), attribution of clicks, conversions and
 * trust signals to impressions by request id ({@link dev.candor.experiment.ExposureLog}), and the
 * statistics of the results ({@link dev.candor.experiment.ExperimentAnalyzer}: Wilson and Newcombe
 * intervals, and an always-valid mSPRT that stays valid however often the results are looked at).
 *
 * <p>Only subjects who granted the {@code experiments} purpose take part; everyone else gets the
 * default strategy and is not counted. A strategy never widens what consent allows: the engine's
 * personalization policy still applies inside every variant.
 *
 * <p>Stores are interfaces ({@link dev.candor.experiment.ExperimentStore},
 * {@link dev.candor.experiment.ExposureLog}) with in-memory implementations; SQL implementations
 * belong in the {@code store} module. Must not depend on {@code engine}, {@code store}
 * implementations, JDBC or any transport. The statistics are pure functions over counts.
 */
package dev.candor.experiment;
