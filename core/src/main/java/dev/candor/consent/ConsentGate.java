package dev.candor.consent;

import dev.candor.model.ConsentState;
import dev.candor.model.Purpose;
import java.util.Optional;

/**
 * Decides whether a behavioural event may be kept. An event is kept only when the subject granted
 * both {@link Purpose#PERSONALIZATION} and {@link Purpose#BEHAVIORAL}; otherwise it is dropped,
 * counted under a {@link DropReason}, and never stored. A subject with no recorded consent has the
 * configured {@link ConsentDefault}'s consent, which grants nothing by default. Stateless and thread-safe.
 */
public final class ConsentGate {
    /** {@return empty when the event may be kept, else why it must be dropped} */
    public Optional<DropReason> check(ConsentState consent) {
        if (!consent.known() && consent.granted().isEmpty()) {
            return Optional.of(DropReason.NO_CONSENT);
        }
        if (!consent.allows(Purpose.PERSONALIZATION)) {
            return Optional.of(DropReason.PERSONALIZATION_NOT_GRANTED);
        }
        if (!consent.allows(Purpose.BEHAVIORAL)) {
            return Optional.of(DropReason.BEHAVIORAL_NOT_GRANTED);
        }
        return Optional.empty();
    }
}
