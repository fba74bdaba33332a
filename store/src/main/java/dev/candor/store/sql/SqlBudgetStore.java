package dev.candor.store.sql;

import dev.candor.privacy.dp.BudgetLedger;

/** Spent privacy budget in table {@code dp_budget}; the check and the spend are one statement. */
final class SqlBudgetStore implements BudgetLedger.Store {
    private final Database db;

    SqlBudgetStore(Database db) {
        this.db = db;
    }

    @Override
    public boolean trySpend(String analyst, String dataset, long micros, long limitMicros) {
        return db.write("spend privacy budget", c -> {
            Sql.update(c, "INSERT INTO dp_budget (analyst, dataset, spent) VALUES (?, ?, 0) ON CONFLICT (analyst, dataset) DO NOTHING",
                    analyst, dataset);
            return Sql.update(c, "UPDATE dp_budget SET spent = spent + ? WHERE analyst = ? AND dataset = ? AND spent + ? <= ?", micros,
                    analyst, dataset, micros, limitMicros) == 1;
        });
    }

    @Override
    public long spent(String analyst, String dataset) {
        return db.read("read privacy budget", c -> Sql.count(c, "SELECT COALESCE(MAX(spent), 0) FROM dp_budget WHERE analyst = ? AND dataset = ?",
                analyst, dataset));
    }
}
