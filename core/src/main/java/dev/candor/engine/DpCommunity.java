package dev.candor.engine;

import dev.candor.model.SubjectId;
import dev.candor.privacy.dp.BudgetLedger;
import dev.candor.privacy.dp.IntegerNoise;
import dev.candor.recommend.source.SegmentModel;
import java.time.Instant;
import java.util.Set;

/**
 * When and whether community signals are released again under {@link CommunityPrivacy}: keeps the
 * current release, when it was made and whom it counts (pseudonyms, in memory only). Thread-safe.
 */
final class DpCommunity {
    /** The ledger's analyst key for community releases (the data set is {@value DpAnalytics#DATASET}). */
    static final String LEDGER_KEY = "system:community";
    private static final System.Logger LOG = System.getLogger(DpCommunity.class.getName());

    private final CommunityPrivacy settings;
    private final BudgetLedger ledger;
    private final IntegerNoise noise;
    private SegmentModel current = SegmentModel.EMPTY;
    private Instant releasedAt;
    private Set<SubjectId> counted = Set.of();
    private String state = "no release yet";

    DpCommunity(CommunityPrivacy settings, BudgetLedger.Store store, IntegerNoise noise) {
        this.settings = settings;
        this.ledger = new BudgetLedger(store, settings.budget());
        this.noise = noise;
    }

    /**
     * {@return the segments to serve now} A new release is made (spending ε) when none exists, when
     * the refresh interval has passed, or when someone the current release counts is no longer
     * among {@code contributors} (erased, or withdrew consent).
     */
    synchronized SegmentModel next(SegmentModel.Builder builder, Set<SubjectId> contributors, Set<String> candidates, Instant now) {
        boolean left = !contributors.containsAll(counted);
        boolean due = releasedAt == null || !releasedAt.plus(settings.refresh()).isAfter(now);
        if (!left && !due) {
            return current;
        }
        try {
            ledger.spend(LEDGER_KEY, DpAnalytics.DATASET, settings.epsilon());
        } catch (BudgetLedger.BudgetExhaustedException e) {
            if (left) {
                current = SegmentModel.EMPTY;
                counted = Set.of();
                state = "off: the privacy budget is spent and a person counted in the last release left";
                LOG.log(System.Logger.Level.WARNING, "community signals switched off: their privacy budget is spent");
            } else {
                state = "stale: the privacy budget is spent; serving the last release";
            }
            return current;
        }
        current = builder.buildPrivate(candidates, settings.epsilon(), noise);
        counted = Set.copyOf(contributors);
        releasedAt = now;
        state = "released";
        return current;
    }

    /** {@return ε left for community releases} */
    double remaining() {
        return ledger.remaining(LEDGER_KEY, DpAnalytics.DATASET);
    }

    synchronized String state() {
        return state;
    }

    CommunityPrivacy settings() {
        return settings;
    }
}
