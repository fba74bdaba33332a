package dev.candor.server;

import dev.candor.engine.Engine;
import dev.candor.engine.Fairness;
import dev.candor.experiment.Experiment;
import dev.candor.experiment.ExperimentResults;
import dev.candor.experiment.VariantTotals;
import dev.candor.model.Purpose;
import dev.candor.monitor.TrustMetrics;
import dev.candor.trust.Dimension;
import dev.candor.trust.TrustAssessment;
import dev.candor.trust.TrustCalculator;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The trust, fairness and experiment meters of {@code /metrics}. Their values come from one
 * snapshot, recomputed at a scrape when older than {@link #MAX_AGE} (so a scrape costs at most one
 * pass over the monitors and the experiment totals). Trust gauges describe the last 24 hours,
 * fairness gauges the last 30 days. Experiment counters are registered when an experiment first
 * appears, one series per (experiment, variant). Counts and rates only; no ids of people.
 * Thread-safe.
 */
final class TrustGauges {
    static final Duration MAX_AGE = Duration.ofSeconds(15);
    static final Duration TRUST_WINDOW = Duration.ofHours(24);

    private record Snapshot(Instant at, TrustMetrics trust, Fairness fairness, TrustAssessment score,
                            Map<List<String>, VariantTotals> totals, Map<String, Integer> breaches) {
    }

    private final Engine engine;
    private final MeterRegistry registry;
    private final Set<List<String>> registered = new HashSet<>();
    private final Set<String> registeredExperiments = new HashSet<>();
    private volatile Snapshot snapshot;

    TrustGauges(Engine engine, MeterRegistry registry) {
        this.engine = engine;
        this.registry = registry;
        gauge("candor_trust_explanation_coverage", "Share of items served in the last 24 h with at least one reason shown",
                s -> s.trust().explanationCoverage().orElse(Double.NaN));
        gauge("candor_trust_opt_out_rate", "Consent withdrawals in the last 24 h per subject with a recorded consent",
                s -> s.trust().optOutRate().orElse(Double.NaN));
        gauge("candor_trust_complaint_rate", "too_personal and not_interested feedback in the last 24 h per item served",
                s -> s.trust().complaintRate().orElse(Double.NaN));
        gauge("candor_trust_dropped_share", "Share of valid events dropped for missing consent in the last 24 h",
                s -> s.trust().droppedShare().orElse(Double.NaN));
        for (Purpose p : Purpose.values()) {
            Gauge.builder("candor_trust_consent_rate", this, g -> value(s -> s.trust().consentRate().getOrDefault(p, Double.NaN)))
                    .description("Share of subjects with a recorded consent who grant the purpose").tag("purpose", p.wireName())
                    .register(registry);
        }
        Gauge.builder("candor_trust_erasure_latency_seconds", this,
                        g -> value(s -> s.trust().erasureP50().map(d -> d.toMillis() / 1000.0).orElse(Double.NaN)))
                .description("Erasure latency over the last 24 h (nearest-rank percentile)").tag("quantile", "0.5").register(registry);
        Gauge.builder("candor_trust_erasure_latency_seconds", this,
                        g -> value(s -> s.trust().erasureP99().map(d -> d.toMillis() / 1000.0).orElse(Double.NaN)))
                .description("Erasure latency over the last 24 h (nearest-rank percentile)").tag("quantile", "0.99").register(registry);
        gauge("candor_trust_score", "The self-assessed trust score, 0 to 100 (GET /v1/trust/score)", s -> s.score().overall());
        for (Dimension d : Dimension.values()) {
            Gauge.builder("candor_trust_dimension_score", this, g -> value(s -> s.score().dimension(d).score()))
                    .description("The self-assessed score of one trust dimension, 0 to 100").tag("dimension", d.wireName())
                    .register(registry);
        }
        gauge("candor_fairness_catalog_coverage", "Share of the catalog served at least once in the last 30 days",
                s -> s.fairness().report().coverage());
        gauge("candor_fairness_gini", "Gini coefficient of item exposure over the catalog in the last 30 days",
                s -> s.fairness().report().gini());
        for (int d = 1; d <= dev.candor.monitor.FairnessMetrics.DECILES; d++) {
            int decile = d;
            Gauge.builder("candor_fairness_exposure_share", this,
                            g -> value(s -> s.fairness().report().byPopularityDecile().getOrDefault(decile, 0.0)))
                    .description("Share of exposure in the last 30 days by item popularity decile (1 = most popular)")
                    .tag("decile", Integer.toString(decile)).register(registry);
        }
    }

    private void gauge(String name, String description, ToDoubleFunction<Snapshot> f) {
        Gauge.builder(name, this, g -> value(f)).description(description).register(registry);
    }

    private double value(ToDoubleFunction<Snapshot> f) {
        Snapshot s = snapshot;
        return s == null ? Double.NaN : f.applyAsDouble(s);
    }

    /** Recomputes the snapshot when stale and registers meters of experiments seen for the first time. */
    synchronized void refresh() {
        Instant now = engine.clock().instant();
        if (snapshot != null && snapshot.at().plus(MAX_AGE).isAfter(now)) {
            return;
        }
        try {
            compute(now);
        } catch (RuntimeException e) {
            // the database may be down: keep serving the other metrics and the last snapshot
            System.getLogger(TrustGauges.class.getName()).log(System.Logger.Level.WARNING,
                    "trust metrics not refreshed: " + SafeLog.describe(e));
        }
    }

    private void compute(Instant now) {
        TrustMetrics trust = engine.monitoring().window(now.minus(TRUST_WINDOW), now.plusMillis(1));
        Fairness fairness = engine.fairness(30, 0);
        TrustAssessment score = TrustCalculator.selfAssess(engine.selfAssessmentInputs(Duration.ofDays(7)));
        Map<List<String>, VariantTotals> totals = new HashMap<>();
        Map<String, Integer> breaches = new HashMap<>();
        for (Experiment e : engine.experiments().experiments()) {
            engine.experiments().totals(e.id()).forEach((v, t) -> totals.put(List.of(e.id().value(), v), t));
            Optional<ExperimentResults> r = engine.experiments().results(e.id());
            breaches.put(e.id().value(), r.map(x -> x.breaches().size()).orElse(0));
            for (var v : e.variants()) {
                register(e.id().value(), v.name());
            }
            if (registeredExperiments.add(e.id().value())) {
                String id = e.id().value();
                Gauge.builder("candor_experiment_guardrail_breaches", this, g -> value(s -> s.breaches().getOrDefault(id, 0)))
                        .description("Guardrail breaches an experiment's results show now").tag("experiment", id).register(registry);
            }
        }
        snapshot = new Snapshot(now, trust, fairness, score, totals, breaches);
    }

    private void register(String experiment, String variant) {
        List<String> key = List.of(experiment, variant);
        if (!registered.add(key)) {
            return;
        }
        counter("candor_experiment_impressions", "Recommendation responses served under the variant", key, t -> t.impressions());
        counter("candor_experiment_clicked_impressions", "Impressions with at least one click", key, t -> t.clicked());
        counter("candor_experiment_converted_impressions", "Impressions with at least one conversion", key, t -> t.converted());
        counter("candor_experiment_too_personal_impressions", "Impressions answered with too_personal", key, t -> t.tooPersonal());
        counter("candor_experiment_not_interested_impressions", "Impressions answered with not_interested", key, t -> t.notInterested());
        counter("candor_experiment_revenue", "Revenue credited to the variant's impressions", key, t -> t.revenueSum());
        counter("candor_experiment_participants", "Subjects who took part in the variant", key, t -> t.subjects());
        counter("candor_experiment_opt_outs", "Participants who withdrew a purpose after first exposure", key, t -> t.optedOut());
        counter("candor_experiment_corrections", "Participants who corrected their profile after first exposure", key, t -> t.corrected());
        counter("candor_experiment_erasures", "Participants who asked for erasure after first exposure", key, t -> t.erased());
    }

    private void counter(String name, String description, List<String> key, ToDoubleFunction<VariantTotals> f) {
        FunctionCounter.builder(name, this, g -> value(s -> f.applyAsDouble(s.totals().getOrDefault(key, VariantTotals.EMPTY))))
                .description(description).tag("experiment", key.get(0)).tag("variant", key.get(1)).register(registry);
    }
}
