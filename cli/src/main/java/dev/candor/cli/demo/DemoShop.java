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
}
