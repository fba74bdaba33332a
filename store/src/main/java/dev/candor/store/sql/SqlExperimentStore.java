package dev.candor.store.sql;

import dev.candor.experiment.Analysis;
import dev.candor.experiment.Experiment;
import dev.candor.experiment.ExperimentId;
import dev.candor.experiment.ExperimentMetric;
import dev.candor.experiment.ExperimentStore;
import dev.candor.experiment.Guardrail;
import dev.candor.experiment.Strategy;
import dev.candor.experiment.Variant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Experiment definitions in tables {@code experiments}, {@code experiment_variants} (in order; the
 * first is the control) and {@code experiment_guardrails}. No personal data.
 */
final class SqlExperimentStore implements ExperimentStore {
    private final Database db;

    SqlExperimentStore(Database db) {
        this.db = db;
    }

    @Override
    public boolean create(Experiment e) {
        return db.write("create experiment", c -> {
            long n = Sql.update(c, "INSERT INTO experiments (id, name, alpha, mixing_sd, start_at, stop_at, surfaces) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING", e.id().value(), e.name(), e.analysis().alpha(),
                    e.analysis().mixingSd(), Codec.micros(e.start()), e.stop().map(Codec::micros).orElse(null), Codec.strings(e.surfaces()));
            if (n == 0) {
                return false;
            }
            insertParts(c, e);
            return true;
        });
    }

    @Override
    public void update(Experiment e) {
        db.write("update experiment", c -> {
            long n = Sql.update(c, "UPDATE experiments SET name = ?, alpha = ?, mixing_sd = ?, start_at = ?, stop_at = ?, surfaces = ? "
                            + "WHERE id = ?", e.name(), e.analysis().alpha(), e.analysis().mixingSd(), Codec.micros(e.start()),
                    e.stop().map(Codec::micros).orElse(null), Codec.strings(e.surfaces()), e.id().value());
            if (n == 0) {
                throw new IllegalArgumentException("no experiment has this id");
            }
            Sql.update(c, "DELETE FROM experiment_variants WHERE experiment = ?", e.id().value());
            Sql.update(c, "DELETE FROM experiment_guardrails WHERE experiment = ?", e.id().value());
            insertParts(c, e);
            return null;
        });
    }

    private static void insertParts(Connection c, Experiment e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO experiment_variants (experiment, position, name, weight, strategy, "
                + "collections) VALUES (?, ?, ?, ?, ?, ?)")) {
            int pos = 0;
            for (Variant v : e.variants()) {
                ps.setString(1, e.id().value());
                ps.setInt(2, pos++);
                ps.setString(3, v.name());
                ps.setDouble(4, v.weight());
                ps.setString(5, v.strategy().wireName());
                ps.setString(6, Codec.strings(v.collections()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO experiment_guardrails (experiment, metric, max_rate, versus_control) "
                + "VALUES (?, ?, ?, ?)")) {
            for (Guardrail g : e.guardrails()) {
                ps.setString(1, e.id().value());
                ps.setString(2, g.metric().wireName());
                if (g.maxRate().isPresent()) {
                    ps.setDouble(3, g.maxRate().get());
                } else {
                    ps.setNull(3, java.sql.Types.DOUBLE);
                }
                ps.setInt(4, g.compareWithControl() ? 1 : 0);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public Optional<Experiment> get(ExperimentId id) {
        return db.readConsistent("read experiment", c -> read(c, Optional.of(id)).stream().findFirst());
    }

    @Override
    public List<Experiment> list() {
        return db.readConsistent("list experiments", c -> read(c, Optional.empty()));
    }

    private static List<Experiment> read(Connection c, Optional<ExperimentId> only) throws SQLException {
        String where = only.isPresent() ? " WHERE experiment = ?" : "";
        Map<String, List<Variant>> variants = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT experiment, name, weight, strategy, collections FROM experiment_variants"
                + where + " ORDER BY experiment, position")) {
            if (only.isPresent()) {
                ps.setString(1, only.get().value());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Strategy s = Strategy.fromWire(rs.getString(4)).orElseThrow(() -> new IllegalStateException("unknown strategy in store"));
                    variants.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new Variant(rs.getString(2), rs.getDouble(3), s, Codec.strings(rs.getString(5))));
                }
            }
        }
        Map<String, List<Guardrail>> guardrails = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT experiment, metric, max_rate, versus_control FROM experiment_guardrails"
                + where + " ORDER BY experiment, metric")) {
            if (only.isPresent()) {
                ps.setString(1, only.get().value());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ExperimentMetric m = ExperimentMetric.valueOf(rs.getString(2).toUpperCase(Locale.ROOT));
                    double max = rs.getDouble(3);
                    Optional<Double> maxRate = rs.wasNull() ? Optional.empty() : Optional.of(max);
                    guardrails.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new Guardrail(m, maxRate, rs.getInt(4) == 1));
                }
            }
        }
        List<Experiment> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, alpha, mixing_sd, start_at, stop_at, surfaces FROM experiments"
                + (only.isPresent() ? " WHERE id = ?" : "") + " ORDER BY id")) {
            if (only.isPresent()) {
                ps.setString(1, only.get().value());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    long stop = rs.getLong(6);
                    Optional<java.time.Instant> stopAt = rs.wasNull() ? Optional.empty() : Optional.of(Codec.instant(stop));
                    out.add(new Experiment(ExperimentId.of(id), rs.getString(2), variants.getOrDefault(id, List.of()),
                            guardrails.getOrDefault(id, List.of()), new Analysis(rs.getDouble(3), rs.getDouble(4)),
                            Codec.instant(rs.getLong(5)), stopAt, new HashSet<>(Codec.strings(rs.getString(7)))));
                }
            }
        }
        out.sort(java.util.Comparator.comparing(Experiment::id)); // binary order on both databases
        return out;
    }
}
