package dev.candor.cli.demo;

import dev.candor.ingest.RawEvent;
import dev.candor.model.FeedbackSignal;
import dev.candor.model.Item;
import dev.candor.model.Preferences;
import dev.candor.model.Purpose;
import dev.candor.profile.SessionIntent;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A generated shop: the catalog and the shoppers.
 *
 * @param items the catalog
 * @param users the simulated shoppers
 */
public record DemoShop(List<Item> items, List<Shopper> users) {
    public DemoShop {
        items = List.copyOf(items);
        users = List.copyOf(users);
    }

    /**
     * One simulated shopper.
     *
     * @param id          the raw user id the host application would send
     * @param persona     a short description of how the shopper was simulated
     * @param consent     consent changes, applied in order (empty: never asked)
     * @param preferences stated preferences, if any
     * @param events      behaviour, oldest first
     * @param feedback    explicit feedback given (item id → signal)
     * @param sessionIntents the latent intent each session was simulated with (session id → intent), for testing the classifier
     */
    public record Shopper(String id, String persona, List<Map<Purpose, Boolean>> consent, Optional<Preferences> preferences,
                          List<RawEvent> events, List<Map.Entry<String, FeedbackSignal>> feedback,
                          Map<String, SessionIntent> sessionIntents) {
        public Shopper {
            sessionIntents = Map.copyOf(sessionIntents);
            consent = List.copyOf(consent);
            events = List.copyOf(events);
            feedback = List.copyOf(feedback);
        }
    }

    /** What loading the shop into an engine did. */
    public record Loaded(long accepted, long dropped) {
    }

    /**
     * Loads the shop through the engine as an application would: items, each shopper's first consent
     * choice, preferences, events (through the consent gate), feedback, then later consent changes.
     *
     * @param step called after each shopper
     */
    public Loaded loadInto(dev.candor.engine.Engine engine, Runnable step) {
        engine.putItems(items);
        long accepted = 0;
        long dropped = 0;
        for (Shopper s : users) {
            dev.candor.model.SubjectId subject = engine.pseudonymizer().subject(s.id());
            for (var change : s.consent().subList(0, Math.min(1, s.consent().size()))) {
                engine.recordConsent(subject, change, "demo");
            }
            s.preferences().ifPresent(p -> engine.putPreferences(subject, p));
            dev.candor.ingest.IngestReport r = engine.ingest(s.events());
            accepted += r.accepted();
            dropped += r.droppedTotal();
            for (var f : s.feedback()) {
                engine.feedback(subject, dev.candor.model.ItemId.of(f.getKey()), f.getValue(), Optional.empty());
            }
            for (var change : s.consent().subList(Math.min(1, s.consent().size()), s.consent().size())) {
                engine.recordConsent(subject, change, "demo");
            }
            step.run();
        }
        return new Loaded(accepted, dropped);
    }
}
