package dev.candor.privacy.dp;

import dev.candor.model.CandorException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Privacy budget per analyst and data set: every query spends its ε before it runs, and a query
 * that would take the total past the budget is refused ({@link BudgetExhaustedException}, HTTP 4xx
 * {@code PRIVACY_BUDGET_EXHAUSTED}). Spending goes through the {@link Store} (durable there) and is
 * atomic per (analyst, data set). Amounts are kept in micro-ε as integers, so sums are exact.
 */
public final class BudgetLedger {
    /** Where spent budget lives; implementations make {@link #trySpend} atomic and durable. */
    public interface Store {
        /** {@return whether {@code micros} could be added to the spent amount without exceeding {@code limitMicros}; adds it if so} */
        boolean trySpend(String analyst, String dataset, long micros, long limitMicros);

        long spent(String analyst, String dataset);
    }

    /** Refused: the query would exceed the budget. */
    public static final class BudgetExhaustedException extends CandorException {
        public static final String CODE = "PRIVACY_BUDGET_EXHAUSTED";

        BudgetExhaustedException(String message) {
            super(message);
        }
    }

    private final Store store;
    private final double budget;

    /** @param budget the total ε each analyst may spend per data set */
    public BudgetLedger(Store store, double budget) {
        this.store = Objects.requireNonNull(store, "store");
        if (!(budget > 0)) {
            throw new IllegalArgumentException("the budget must be positive");
        }
        this.budget = budget;
    }

    /** Spends ε for a query about to run; refuses when the total would exceed the budget. */
    public void spend(String analyst, String dataset, double epsilon) {
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be positive and finite");
        }
        if (!store.trySpend(analyst, dataset, micros(epsilon), micros(budget))) {
            throw new BudgetExhaustedException(String.format("this query needs ε = %s but only %s of the budget of %s remains for this data set",
                    epsilon, remaining(analyst, dataset), budget));
        }
    }

    /** {@return ε left for the analyst on the data set} */
    public double remaining(String analyst, String dataset) {
        return (micros(budget) - store.spent(analyst, dataset)) / 1e6;
    }

    public double budget() {
        return budget;
    }

    private static long micros(double epsilon) {
        return Math.round(epsilon * 1e6);
    }

    /** A store in memory (tests, single-process use without persistence). */
    public static final class InMemory implements Store {
        private final Map<String, long[]> spent = new ConcurrentHashMap<>();

        @Override
        public boolean trySpend(String analyst, String dataset, long micros, long limitMicros) {
            long[] cell = spent.computeIfAbsent(analyst + "\u0000" + dataset, k -> new long[1]);
            synchronized (cell) {
                if (cell[0] + micros > limitMicros) {
                    return false;
                }
                cell[0] += micros;
                return true;
            }
        }

        @Override
        public long spent(String analyst, String dataset) {
            long[] cell = spent.get(analyst + "\u0000" + dataset);
            return cell == null ? 0 : cell[0];
        }
    }
}
