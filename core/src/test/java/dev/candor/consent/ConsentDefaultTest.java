package dev.candor.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.model.ConsentState;
import dev.candor.model.Purpose;
import dev.candor.model.SubjectId;
import dev.candor.testing.InMemoryStorage;
import java.time.InstantSource;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsentDefaultTest {
    private static final SubjectId S = SubjectId.of("cd".repeat(32));

    @Test
    void privacyByDefault_grantsNothing_andTheGateDropsUnrecordedSubjects() {
        ConsentService c = new ConsentService(new InMemoryStorage().consents(), InstantSource.system());
        assertThat(c.current(S)).isEqualTo(ConsentState.DEFAULT);
        assertThat(new ConsentGate().check(c.current(S))).contains(DropReason.NO_CONSENT);
    }

    @Test
    void invasive_assumesPersonalizationAndBehavioral_untilTheFirstChoice_whichAppliesOnTopOfIt() {
        ConsentService c = new ConsentService(new InMemoryStorage().consents(), InstantSource.system(), ConsentDefault.INVASIVE);
        ConsentState assumed = c.current(S);
        assertThat(assumed.known()).isFalse();
        assertThat(assumed.granted()).containsExactlyInAnyOrder(Purpose.PERSONALIZATION, Purpose.BEHAVIORAL);
        assertThat(new ConsentGate().check(assumed)).isEmpty();
        ConsentState first = c.record(S, Map.of(Purpose.EXPERIMENTS, true), "banner");
        assertThat(first.granted()).isEqualTo(Set.of(Purpose.PERSONALIZATION, Purpose.BEHAVIORAL, Purpose.EXPERIMENTS));
        ConsentState objected = c.record(S, Map.of(Purpose.BEHAVIORAL, false), "settings");
        assertThat(objected.granted()).isEqualTo(Set.of(Purpose.PERSONALIZATION, Purpose.EXPERIMENTS));
        assertThat(new ConsentGate().check(objected)).contains(DropReason.BEHAVIORAL_NOT_GRANTED);
        assertThat(ConsentDefault.fromWire("invasive")).contains(ConsentDefault.INVASIVE);
        assertThat(ConsentDefault.fromWire("opt_out")).isEmpty();
    }
}
