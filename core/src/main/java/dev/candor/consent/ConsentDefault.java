package dev.candor.consent;

import dev.candor.model.ConsentState;
import dev.candor.model.Purpose;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;

/**
 * What applies to a subject before they have chosen: the consent the engine assumes for a subject
 * it has no recorded consent for. Candor's default, and the only setting its principles endorse,
 * is {@link #PRIVACY_BY_DEFAULT}. {@link #INVASIVE} exists so that operators can see, in the trust
 * score and in their own metrics, what an opt-out model costs; the self-assessment marks it as a
 * gap.
 */
public enum ConsentDefault {
    /** Nothing is granted until the subject opts in ({@link ConsentState#DEFAULT}). */
    PRIVACY_BY_DEFAULT,
    /**
     * Personalization and behavioural data are on until the subject objects: events of subjects
     * with no recorded consent are kept and used, and their first recorded choice is applied on top
     * of this default.
     */
    INVASIVE;

    private static final ConsentState OPT_OUT_MODEL = new ConsentState(EnumSet.of(Purpose.PERSONALIZATION, Purpose.BEHAVIORAL),
            false, Instant.EPOCH);

    /** {@return the consent of a subject with no recorded consent} */
    public ConsentState initial() {
        return this == PRIVACY_BY_DEFAULT ? ConsentState.DEFAULT : OPT_OUT_MODEL;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ConsentDefault> fromWire(String name) {
        for (ConsentDefault d : values()) {
            if (d.wireName().equals(name)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
