package dev.candor.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.model.ConsentState;
import dev.candor.model.Feedback;
import dev.candor.model.FeedbackSignal;
import dev.candor.model.ItemId;
import dev.candor.model.Purpose;
import dev.candor.model.SubjectId;
import dev.candor.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Experiments on seeded synthetic traffic with known true effects. Every number is deterministic;
 * the stated false-failure rates are those of the check had the seed been random.
 */
class ExperimentSimulationTest {
    static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
    static final Analysis A = Analysis.DEFAULT;

    /** True per-variant behaviour of the simulated users. */
    record Truth(double ctr, double tooPersonal, double optOut) {
    }

    /** Runs {@code subjects} synthetic users through the service: 80 % consent to experiments, 5 responses each. */
    static ExperimentResults simulate(Experiment e, Map<String, Truth> truth, int subjects, long seed, int[] notCounted) {
        TestClock clock = new TestClock(T0);
        ExperimentService service = new ExperimentService(new InMemoryExperimentStore(), new InMemoryExposureLog(), clock,
                ExperimentService.DEFAULT_ATTRIBUTION_WINDOW);
        service.create(e);
        SplittableRandom rnd = new SplittableRandom(seed);
        Set<Purpose> all = EnumSet.allOf(Purpose.class);
        long request = 0;
        for (int u = 0; u < subjects; u++) {
            SubjectId s = VariantAssignerTest.subject(rnd);
            boolean consents = rnd.nextDouble() < 0.8;
            ConsentState consent = consents ? new ConsentState(all, true, T0)
                    : new ConsentState(EnumSet.of(Purpose.PERSONALIZATION), true, T0);
            Assignment a = service.assign(e.id(), s, consent);
            Truth t = a instanceof Assignment.Enrolled en ? truth.get(en.variant().name()) : truth.get(e.control().name());
            for (int k = 0; k < 5; k++) {
                clock.advance(Duration.ofSeconds(1));
                String rid = "req-" + request++;
                boolean recorded = service.recordImpression(rid, s, a);
                if (!recorded) {
                    notCounted[0]++;
                }
                if (rnd.nextDouble() < t.ctr()) {
                    service.recordClick(rid);
                }
                if (rnd.nextDouble() < t.tooPersonal()) {
                    service.recordFeedback(new Feedback(request, s, ItemId.of("i1"), FeedbackSignal.TOO_PERSONAL,
                            clock.instant(), Optional.of(rid)));
                }
            }
            if (rnd.nextDouble() < t.optOut()) {
                ConsentState after = consent.with(Map.of(Purpose.EXPERIMENTS, false), clock.instant());
                service.recordConsentChange(s, consent, after);
            }
        }
        return service.results(e.id()).orElseThrow();
    }

    static Experiment experiment(String id, List<Variant> variants) {
        return Experiment.of(ExperimentId.of(id), id, variants, T0);
    }

    @Test
    void simulation_annoyingVariant_tripsGuardrails_betterVariantDoesNot() {
        Experiment e = experiment("ranking", List.of(Variant.of("control", 1, Strategy.HYBRID),
                Variant.of("curated", 1, Strategy.HYBRID_PLUS_CURATED), Variant.of("creepy", 1, Strategy.HYBRID)));
        int[] notCounted = {0};
        ExperimentResults r = simulate(e, Map.of(
                "control", new Truth(0.05, 0.004, 0.01),
                "curated", new Truth(0.06, 0.004, 0.01),
                "creepy", new Truth(0.05, 0.02, 0.05)), 9_000, 11, notCounted);
        long impressions = r.variants().stream().mapToLong(VariantResult::impressions).sum();
        assertThat(impressions + notCounted[0]).isEqualTo(45_000);
        assertThat(notCounted[0]).isBetween(8_000, 10_000); // ~20 % of subjects × 5 responses, not counted
        assertThat(r.breaches()).extracting(GuardrailBreach::variant).containsOnly("creepy");
        assertThat(r.breaches()).extracting(GuardrailBreach::metric)
                .contains(ExperimentMetric.TOO_PERSONAL, ExperimentMetric.OPT_OUT);
        assertThat(r.breaches()).allMatch(b -> b.kind() == GuardrailBreach.Kind.ABOVE_CONTROL);
        Comparison lift = r.variant("curated").orElseThrow().comparison(ExperimentMetric.CTR).orElseThrow();
        assertThat(lift.alwaysValid().contains(0.01)).isTrue();
        assertThat(lift.confidence().contains(0.01)).isTrue();
    }

    @Test
    void simulation_aaTest_flagsNothing() {
        Experiment e = experiment("aa", List.of(Variant.of("a", 1, Strategy.HYBRID), Variant.of("b", 1, Strategy.HYBRID)));
        Truth same = new Truth(0.05, 0.004, 0.01);
        ExperimentResults r = simulate(e, Map.of("a", same, "b", same), 6_000, 12, new int[1]);
        assertThat(r.breaches()).isEmpty();
        for (ExperimentMetric m : ExperimentMetric.values()) {
            assertThat(r.variant("b").orElseThrow().comparison(m).orElseThrow().alwaysValid().contains(0)).as(m.wireName()).isTrue();
        }
    }

    @Test
    void simulation_ceilingGuardrail_flagsEvenTheControl() {
        Experiment base = experiment("ceiling", List.of(Variant.of("a", 1, Strategy.HYBRID), Variant.of("b", 1, Strategy.CURATED)));
        Experiment e = new Experiment(base.id(), base.name(), base.variants(),
                List.of(Guardrail.withCeiling(ExperimentMetric.TOO_PERSONAL, 0.01)), A, T0, Optional.empty());
        Truth high = new Truth(0.05, 0.03, 0.01);
        ExperimentResults r = simulate(e, Map.of("a", high, "b", high), 4_000, 13, new int[1]);
        assertThat(r.breaches()).extracting(GuardrailBreach::variant).containsExactlyInAnyOrder("a", "b");
        assertThat(r.breaches()).allMatch(b -> b.kind() == GuardrailBreach.Kind.ABOVE_THRESHOLD);
    }

    /**
     * Coverage of the reported lift interval: control CTR 5 %, treatment 6 %, 20 000 impressions per
     * arm, 200 seeded replications. Nominal level 95 %. With 200 replications the coverage estimate
     * has sd ≈ 1.5 points, so the fixed-horizon check (≥ 91 %) fails by chance with probability
     * < 1 % for a correct 95 % interval; the always-valid sequence is conservative at a fixed look.
     */
    @Test
    void coverage_knownLift_intervalsCoverTheTruth() {
        int reps = 200;
        int n = 20_000;
        double p0 = 0.05;
        double p1 = 0.06;
        int fixed = 0;
        int valid = 0;
        int detected = 0;
        SplittableRandom rnd = new SplittableRandom(2017);
        for (int rep = 0; rep < reps; rep++) {
            long x0 = bernoullis(rnd, n, p0);
            long x1 = bernoullis(rnd, n, p1);
            Comparison c = ExperimentAnalyzer.compare(ExperimentMetric.CTR, x1, n, x0, n, A);
            fixed += c.confidence().contains(p1 - p0) ? 1 : 0;
            valid += c.alwaysValid().contains(p1 - p0) ? 1 : 0;
            detected += c.significantlyHigher() ? 1 : 0;
        }
        System.out.printf("coverage over %d replications: Newcombe %.3f, always-valid %.3f; always-valid detected the lift in %.3f%n",
                reps, fixed / (double) reps, valid / (double) reps, detected / (double) reps);
        assertThat(fixed / (double) reps).isGreaterThanOrEqualTo(0.91);
        assertThat(valid / (double) reps).isGreaterThanOrEqualTo(0.95);
        assertThat(detected / (double) reps).isGreaterThan(0.8);
    }

    /**
     * Continuous monitoring of an A/A test (both 5 %), looking after every 500 impressions per arm up
     * to 20 000 (40 looks), 200 replications. The always-valid test may claim a difference at any
     * look in at most alpha = 5 % of experiments (the check allows 8 %: P(false failure) < 2 %);
     * the fixed-horizon interval, peeked at the same way, claims one far more often.
     */
    @Test
    void continuousMonitoring_aaTest_alwaysValidKeepsItsErrorRate() {
        int reps = 200;
        int looks = 40;
        int step = 500;
        int msprtFalse = 0;
        int naiveFalse = 0;
        SplittableRandom rnd = new SplittableRandom(2022);
        for (int rep = 0; rep < reps; rep++) {
            long x0 = 0;
            long x1 = 0;
            boolean msprt = false;
            boolean naive = false;
            for (int look = 1; look <= looks; look++) {
                x0 += bernoullis(rnd, step, 0.05);
                x1 += bernoullis(rnd, step, 0.05);
                long n = (long) look * step;
                Comparison c = ExperimentAnalyzer.compare(ExperimentMetric.CTR, x1, n, x0, n, A);
                msprt |= !c.alwaysValid().contains(0);
                naive |= !c.confidence().contains(0);
            }
            msprtFalse += msprt ? 1 : 0;
            naiveFalse += naive ? 1 : 0;
        }
        System.out.printf("A/A with %d looks over %d replications: always-valid false positives %.3f, peeking at fixed-horizon %.3f%n",
                looks, reps, msprtFalse / (double) reps, naiveFalse / (double) reps);
        assertThat(msprtFalse / (double) reps).isLessThanOrEqualTo(0.08);
        assertThat(naiveFalse).isGreaterThan(msprtFalse);
    }

    @Test
    void revenue_sent_reportedPerImpressionWithInterval() {
        TestClock clock = new TestClock(T0);
        ExperimentService service = new ExperimentService(new InMemoryExperimentStore(), new InMemoryExposureLog(), clock,
                Duration.ofHours(1));
        Experiment e = service.create(experiment("rev", List.of(Variant.of("a", 1, Strategy.HYBRID), Variant.of("b", 1, Strategy.CURATED))));
        ConsentState yes = new ConsentState(EnumSet.allOf(Purpose.class), true, T0);
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < 200; i++) {
            SubjectId s = VariantAssignerTest.subject(rnd);
            service.recordImpression("r" + i, s, service.assign(e.id(), s, yes));
            if (i % 10 == 0) {
                service.recordConversion("r" + i, Optional.of(20.0));
            }
        }
        clock.advance(Duration.ofHours(2));
        assertThat(service.recordConversion("r1", Optional.of(99.0))).isFalse(); // outside the attribution window
        ExperimentResults r = service.results(e.id()).orElseThrow();
        long n = r.variants().stream().mapToLong(VariantResult::impressions).sum();
        assertThat(n).isEqualTo(200);
        double total = r.variants().stream().mapToDouble(v -> v.revenuePerImpression().orElseThrow().mean() * v.impressions()).sum();
        assertThat(total).isCloseTo(400.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(r.variant("b").orElseThrow().revenueVersusControl()).isPresent();
        assertThat(r.variant("a").orElseThrow().revenueVersusControl()).isEmpty();
    }

    @Test
    void erasure_countedThenDeleted() {
        TestClock clock = new TestClock(T0);
        InMemoryExposureLog log = new InMemoryExposureLog();
        ExperimentService service = new ExperimentService(new InMemoryExperimentStore(), log, clock, Duration.ofHours(1));
        Experiment e = service.create(experiment("erase", List.of(Variant.of("a", 1, Strategy.HYBRID), Variant.of("b", 1, Strategy.CURATED))));
        SubjectId s = SubjectId.of("ab".repeat(32));
        Assignment a = service.assign(e.id(), s, new ConsentState(EnumSet.allOf(Purpose.class), true, T0));
        service.recordImpression("r1", s, a);
        clock.advance(Duration.ofMinutes(1));
        assertThat(service.recordErasure(s)).isEqualTo(2);
        VariantResult v = service.results(e.id()).orElseThrow().variant(((Assignment.Enrolled) a).variant().name()).orElseThrow();
        assertThat(v.rate(ExperimentMetric.ERASURE).count()).isEqualTo(1);
        assertThat(log.impression("r1")).isEmpty();
    }

    private static long bernoullis(SplittableRandom rnd, int n, double p) {
        long x = 0;
        for (int i = 0; i < n; i++) {
            x += rnd.nextDouble() < p ? 1 : 0;
        }
        return x;
    }
}
