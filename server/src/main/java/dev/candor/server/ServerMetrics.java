package dev.candor.server;

import dev.candor.consent.DropReason;
import dev.candor.engine.Engine;
import dev.candor.engine.EngineMetrics;
import dev.candor.model.FeedbackSignal;
import dev.candor.model.Purpose;
import dev.candor.recommend.PersonalizationLevel;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus metrics, every name prefixed {@code candor_}: HTTP request timings by route pattern
 * (never the raw path, which can hold user ids), and the engine's counters (events accepted,
 * dropped by reason, recommendations by level, explanation coverage, feedback by signal, consent
 * rates, training), and the trust, fairness and per-variant experiment meters of {@link TrustGauges}.
 * Thread-safe.
 */
public final class ServerMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final TrustGauges trust;

    public ServerMetrics(Engine engine) {
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return id.getName().startsWith("candor") ? id : id.withName("candor." + id.getName());
            }
        });
        EngineMetrics m = engine.metrics();
        FunctionCounter.builder("candor_events_accepted", m, EngineMetrics::eventsAccepted)
                .description("Events accepted and durably stored").register(registry);
        FunctionCounter.builder("candor_events_rejected", m, EngineMetrics::eventsRejected)
                .description("Event rows rejected as invalid").register(registry);
        for (DropReason r : DropReason.values()) {
            FunctionCounter.builder("candor_events_dropped", m, x -> x.eventsDropped(r))
                    .description("Valid events dropped for missing consent, never stored").tag("reason", r.wireName()).register(registry);
        }
        for (PersonalizationLevel l : PersonalizationLevel.values()) {
            FunctionCounter.builder("candor_recommendations_served", m, x -> x.recommendations(l))
                    .description("Recommendation responses by personalization level").tag("level", l.wireName()).register(registry);
        }
        FunctionCounter.builder("candor_recommended_items", m, EngineMetrics::itemsServed)
                .description("Items served in recommendation responses").register(registry);
        FunctionCounter.builder("candor_recommended_items_explained", m, EngineMetrics::itemsExplained)
                .description("Items served with at least one reason").register(registry);
        for (FeedbackSignal s : FeedbackSignal.values()) {
            FunctionCounter.builder("candor_feedback", m, x -> x.feedback(s))
                    .description("Explicit feedback by signal").tag("signal", s.wireName()).register(registry);
        }
        FunctionCounter.builder("candor_consent_changes", m, EngineMetrics::consentChanges)
                .description("Consent changes recorded").register(registry);
        FunctionCounter.builder("candor_erasures", m, EngineMetrics::erasures)
                .description("Erasures completed").register(registry);
        FunctionCounter.builder("candor_model_trainings", m, EngineMetrics::trainings)
                .description("Model trainings completed").register(registry);
        Gauge.builder("candor_model_training_last_seconds", m, x -> x.lastTrainingMillis() / 1000.0)
                .description("Duration of the last model training").register(registry);
        Gauge.builder("candor_subjects_with_consent", engine.consents(), c -> c.knownSubjects())
                .description("Subjects with a recorded consent").register(registry);
        for (Purpose p : Purpose.values()) {
            Gauge.builder("candor_consent_granted_subjects", engine.consents(), c -> c.granting(p))
                    .description("Subjects currently granting a purpose").tag("purpose", p.wireName()).register(registry);
        }
        Gauge.builder("candor_catalog_items", engine.catalog(), c -> c.size()).description("Items known to the catalog").register(registry);
        Gauge.builder("candor_index_events", engine.index(), i -> i.events()).description("Events in the live index").register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        this.trust = new TrustGauges(engine, registry);
    }

    /** Records one HTTP request under its route pattern. */
    public void recordRequest(String method, String route, int status, long nanos) {
        Timer.builder("candor_http_requests")
                .description("HTTP requests by route pattern")
                .tag("method", method).tag("route", route).tag("status", Integer.toString(status))
                .publishPercentileHistogram(false)
                .serviceLevelObjectives(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(250))
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** {@return the Prometheus text exposition} */
    public String scrape() {
        trust.refresh();
        return registry.scrape();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }
}
