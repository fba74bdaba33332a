package dev.candor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.model.ConsentState;
import dev.candor.model.Context;
import dev.candor.model.Purpose;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MinimizerTest {
    private final Minimizer minimizer = new Minimizer();
    private final RawContext full = new RawContext(Optional.of("Mobile"), Optional.of("evening"), Optional.of("us-ca-94103"));

    @Test
    void minimize_withoutContextConsent_dropsEverything() {
        ConsentState c = ConsentState.DEFAULT.with(Map.of(Purpose.PERSONALIZATION, true, Purpose.BEHAVIORAL, true), Instant.EPOCH);
        assertThat(minimizer.minimize(full, c)).isEqualTo(Context.NONE);
    }

    @Test
    void minimize_withContextConsent_coarsensRegionAndNormalizes() {
        ConsentState c = ConsentState.DEFAULT.with(Map.of(Purpose.CONTEXT, true), Instant.EPOCH);
        Context ctx = minimizer.minimize(full, c);
        assertThat(ctx.device()).contains("mobile");
        assertThat(ctx.daypart()).contains("evening");
        assertThat(ctx.region()).contains("US-CA");
    }

    @Test
    void validate_unknownDeviceOrBadRegion_isRejected() {
        assertThat(minimizer.validate(new RawContext(Optional.of("toaster"), Optional.empty(), Optional.empty()))).isPresent();
        assertThat(minimizer.validate(new RawContext(Optional.empty(), Optional.empty(), Optional.of("37.77,-122.41")))).isPresent();
        assertThat(minimizer.validate(full)).isEmpty();
    }
}
