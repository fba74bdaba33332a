package dev.candor.cli;

import dev.candor.consent.ConsentDefault;
import dev.candor.engine.EngineConfig;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The trust-relevant engine switches, shared by {@code serve} and {@code trust score} so that the
 * score describes the configuration a server runs with. Defaults are Candor's principles; each
 * alternative lowers the self-assessed trust score (docs/trust.md).
 */
public final class EngineOptions {
    /** How long events are kept. */
    public enum Retention {
        /** The default retention per event type ({@link EngineConfig#DEFAULT_RETENTION}). */
        DEFAULT,
        /** Nothing expires: events are kept until deleted or erased. */
        NONE
    }

    @Option(names = "--explanations", defaultValue = "on", paramLabel = "on|off",
            description = "Show each recommended item's reasons (default: ${DEFAULT-VALUE}). off keeps scoring identical but serves "
                    + "items without reasons; explanation coverage then counts them as unexplained.")
    String explanations;

    @Option(names = "--consent-default", defaultValue = "privacy_by_default", paramLabel = "privacy_by_default|invasive",
            description = "What applies before a user chooses (default: ${DEFAULT-VALUE}). invasive treats users with no recorded "
                    + "consent as granting personalization and behavioral use (an opt-out model; not recommended).")
    String consentDefault;

    @Option(names = "--retention", defaultValue = "default", paramLabel = "default|none",
            description = "Event retention (default: ${DEFAULT-VALUE}: view and click 365 days, add_to_cart 180, search 90; "
                    + "ratings, likes and purchases until deleted). none keeps every event until it is deleted or erased.")
    String retention;

    /** {@return the engine settings these options describe} */
    public EngineConfig config() {
        boolean on = switch (explanations) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException("--explanations must be on or off");
        };
        ConsentDefault d = ConsentDefault.fromWire(consentDefault)
                .orElseThrow(() -> new IllegalArgumentException("--consent-default must be privacy_by_default or invasive"));
        Map<String, java.time.Duration> r = switch (retention) {
            case "default" -> EngineConfig.DEFAULT_RETENTION;
            case "none" -> Map.of();
            default -> throw new IllegalArgumentException("--retention must be default or none");
        };
        return EngineConfig.defaults().withPosture(new EngineConfig.Posture(on, d)).withRetention(r);
    }
}
