package dev.candor.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.model.ConsentState;
import dev.candor.model.Purpose;
import dev.candor.model.SubjectId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VariantAssignerTest {
    static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
    static final ConsentState YES = new ConsentState(Set.of(Purpose.PERSONALIZATION, Purpose.EXPERIMENTS), true, T0);
    static final ConsentState NO_EXPERIMENTS = new ConsentState(Set.of(Purpose.PERSONALIZATION), true, T0);

    static SubjectId subject(SplittableRandom rnd) {
        StringBuilder sb = new StringBuilder(64);
        for (int i = 0; i < 64; i++) {
            sb.append(Character.forDigit(rnd.nextInt(16), 16));
        }
        return SubjectId.of(sb.toString());
    }

    static Experiment experiment(String id, double w0, double w1) {
        return Experiment.of(ExperimentId.of(id), "test", List.of(Variant.of("control", w0, Strategy.HYBRID),
                Variant.of("curated", w1, Strategy.CURATED)), T0);
    }

    @Test
    void bucket_fixedInputs_isPinned() {
        // Pinned value: a change here reshuffles every running experiment after a deploy.
        double b = VariantAssigner.bucket(ExperimentId.of("exp-1"), SubjectId.of("ab".repeat(32)));
        assertThat(b).isEqualTo(VariantAssigner.bucket(ExperimentId.of("exp-1"), SubjectId.of("ab".repeat(32))));
        assertThat(b).isEqualTo(PINNED_BUCKET);
    }

    static final double PINNED_BUCKET = 0x1.823f33b9c2b02p-2; // 0.37719422169963945

    @Test
    void assign_weights_splitParticipantsProportionally() {
        Experiment e = experiment("split", 7, 3);
        SplittableRandom rnd = new SplittableRandom(1);
        Map<String, Integer> counts = new HashMap<>();
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            Assignment a = VariantAssigner.assign(e, subject(rnd), YES, T0);
            counts.merge(((Assignment.Enrolled) a).variant().name(), 1, Integer::sum);
        }
        // binomial sd = sqrt(n·0.7·0.3) = 65; 5 sd = 324 (false-failure rate < 1e-6)
        assertThat(counts.get("control")).isBetween(14_000 - 324, 14_000 + 324);
    }

    @Test
    void assign_twoExperiments_hashIndependently() {
        Experiment a = experiment("a", 1, 1);
        Experiment b = experiment("b", 1, 1);
        SplittableRandom rnd = new SplittableRandom(2);
        int same = 0;
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            SubjectId s = subject(rnd);
            Variant va = ((Assignment.Enrolled) VariantAssigner.assign(a, s, YES, T0)).variant();
            Variant vb = ((Assignment.Enrolled) VariantAssigner.assign(b, s, YES, T0)).variant();
            same += va.name().equals(vb.name()) ? 1 : 0;
        }
        assertThat(same).isBetween(5_000 - 250, 5_000 + 250); // 5 sd of Binomial(10000, 1/2)
    }

    @Test
    void assign_withoutExperimentsConsent_notEnrolledDefaultStrategy() {
        Assignment a = VariantAssigner.assign(experiment("c", 1, 1), SubjectId.of("cd".repeat(32)), NO_EXPERIMENTS, T0);
        assertThat(a).isEqualTo(new Assignment.NotEnrolled(Assignment.Why.NO_EXPERIMENTS_CONSENT));
        assertThat(a.strategy()).isEqualTo(Strategy.HYBRID);
        assertThat(VariantAssigner.assign(experiment("c", 1, 1), SubjectId.of("cd".repeat(32)), ConsentState.DEFAULT, T0))
                .isInstanceOf(Assignment.NotEnrolled.class);
    }

    @Test
    void assign_beforeStartOrAfterStop_notRunning() {
        Experiment e = experiment("d", 1, 1);
        SubjectId s = SubjectId.of("ef".repeat(32));
        assertThat(VariantAssigner.assign(e, s, YES, T0.minusSeconds(1)))
                .isEqualTo(new Assignment.NotEnrolled(Assignment.Why.NOT_RUNNING));
        Experiment stopped = e.stoppedAt(T0.plusSeconds(10));
        assertThat(VariantAssigner.assign(stopped, s, YES, T0.plusSeconds(10)))
                .isEqualTo(new Assignment.NotEnrolled(Assignment.Why.NOT_RUNNING));
        assertThat(VariantAssigner.assign(stopped, s, YES, T0.plusSeconds(9))).isInstanceOf(Assignment.Enrolled.class);
    }

    @Test
    void experiment_invalidDefinitions_rejected() {
        assertThatThrownBy(() -> Experiment.of(ExperimentId.of("x"), "x", List.of(Variant.of("a", 1, Strategy.HYBRID)), T0))
                .hasMessage("an experiment needs 2 to 20 variants. Provided: 1");
        assertThatThrownBy(() -> Experiment.of(ExperimentId.of("x"), "x",
                List.of(Variant.of("a", 1, Strategy.HYBRID), Variant.of("a", 1, Strategy.CURATED)), T0))
                .hasMessage("variant names must be unique. Duplicate: a");
        assertThatThrownBy(() -> Variant.of("a", 0, Strategy.HYBRID)).hasMessage("weight must be > 0 and finite. Provided value: 0.0");
        assertThatThrownBy(() -> ExperimentId.of("has space")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Guardrail.versusControl(ExperimentMetric.CTR))
                .hasMessage("guardrail metric must be a trust signal. Provided value: ctr");
    }
}
