package dev.candor.recommend;

import dev.candor.model.ConsentState;
import dev.candor.model.Preferences;
import dev.candor.model.SubjectId;
import dev.candor.profile.History;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one request may know about the subject, assembled once per request.
 *
 * @param subject        the pseudonymous subject
 * @param consent        current consent
 * @param preferences    stated preferences
 * @param history        the subject's events (empty when behavioural data may not be read)
 * @param notInterested  items the subject said they are not interested in
 * @param notMe          items the subject said were not them (a gift, someone else)
 * @param now            the request time
 */
public record UserState(SubjectId subject, ConsentState consent, Preferences preferences, History history,
                        Set<Integer> notInterested, Set<Integer> notMe, Instant now) {
    public UserState {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(preferences, "preferences");
        Objects.requireNonNull(history, "history");
        notInterested = Set.copyOf(notInterested);
        notMe = Set.copyOf(notMe);
        Objects.requireNonNull(now, "now");
    }
}
