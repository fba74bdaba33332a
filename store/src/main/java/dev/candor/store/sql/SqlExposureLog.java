package dev.candor.store.sql;

import dev.candor.experiment.ExperimentId;
import dev.candor.experiment.ExposureLog;
import dev.candor.experiment.Impression;
import dev.candor.experiment.Outcome;
import dev.candor.experiment.SubjectOutcome;
import dev.candor.experiment.VariantTotals;
import dev.candor.model.SubjectId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The exposure log in tables {@code experiment_impressions}, {@code experiment_participants},
 * {@code experiment_conversions} and {@code experiment_erased}. Impressions are written through a
 * {@link GroupCommitter}: concurrent recommendation responses share one transaction (one fsync),
 * and each returns only after its impression committed.
 */
final class SqlExposureLog implements ExposureLog, AutoCloseable {
    private static final int MAX_GROUP_ROWS = 5_000;
    private static final int IN_CHUNK = 500;
    private static final String IMPRESSION_COLUMNS = "request_id, experiment, variant, subject, at";

    /** An impression waiting for the group commit, and whether its row was new. */
    private static final class Pending {
        final Impression impression;
        boolean inserted;

        Pending(Impression impression) {
            this.impression = impression;
        }
    }

    private final Database db;
    private final GroupCommitter<Pending> committer;

    SqlExposureLog(Database db) {
        this.db = db;
        this.committer = new GroupCommitter<>("candor-impression-commit", this::insert, MAX_GROUP_ROWS);
    }

    @Override
    public boolean recordImpression(Impression impression) {
        Pending p = new Pending(impression);
        committer.commit(List.of(p));
        return p.inserted;
    }

    private void insert(List<Pending> rows) {
        db.write("record impressions", c -> {
            try (PreparedStatement imp = c.prepareStatement("INSERT INTO experiment_impressions (" + IMPRESSION_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?) ON CONFLICT (request_id) DO NOTHING");
                 PreparedStatement part = c.prepareStatement("INSERT INTO experiment_participants (experiment, subject, variant, "
                         + "first_exposure) VALUES (?, ?, ?, ?) ON CONFLICT (experiment, subject) DO NOTHING")) {
                for (Pending p : rows) {
                    Impression i = p.impression;
                    imp.setString(1, i.requestId());
                    imp.setString(2, i.experiment().value());
                    imp.setString(3, i.variant());
                    imp.setString(4, i.subject().value());
                    imp.setLong(5, Codec.micros(i.at()));
                    p.inserted = imp.executeUpdate() == 1;
                    if (p.inserted) {
                        part.setString(1, i.experiment().value());
                        part.setString(2, i.subject().value());
                        part.setString(3, i.variant());
                        part.setLong(4, Codec.micros(i.at()));
                        part.executeUpdate();
                    }
                }
            }
            return null;
        });
    }

    @Override
    public Optional<Impression> impression(String requestId) {
        return Optional.ofNullable(impressions(List.of(requestId)).get(requestId));
    }

    @Override
    public Map<String, Impression> impressions(Collection<String> requestIds) {
        List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(requestIds));
        if (ids.isEmpty()) {
            return Map.of();
        }
        return db.read("read impressions", c -> {
            Map<String, Impression> out = new LinkedHashMap<>();
            for (int from = 0; from < ids.size(); from += IN_CHUNK) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
                String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement("SELECT " + IMPRESSION_COLUMNS + " FROM experiment_impressions "
                        + "WHERE request_id IN (" + marks + ")")) {
                    for (int k = 0; k < chunk.size(); k++) {
                        ps.setString(k + 1, chunk.get(k));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(rs.getString(1), new Impression(rs.getString(1), ExperimentId.of(rs.getString(2)), rs.getString(3),
                                    SubjectId.of(rs.getString(4)), Codec.instant(rs.getLong(5))));
                        }
                    }
                }
            }
            return out;
        });
    }

    @Override
    public boolean attribute(String requestId, Outcome outcome) {
        return attributeAll(List.of(new Credit(requestId, outcome))) == 1;
    }

    @Override
    public int attributeAll(List<Credit> credits) {
        if (credits.isEmpty()) {
            return 0;
        }
        return db.write("attribute outcomes", c -> {
            int known = 0;
            for (Credit cr : credits) {
                known += attribute(c, cr.requestId(), cr.outcome()) ? 1 : 0;
            }
            return known;
        });
    }

    private static boolean attribute(Connection c, String requestId, Outcome outcome) throws SQLException {
        String flag = switch (outcome) {
            case Outcome.Click x -> "clicked";
            case Outcome.Conversion x -> "converted";
            case Outcome.TooPersonal x -> "too_personal";
            case Outcome.NotInterested x -> "not_interested";
        };
        if (!(outcome instanceof Outcome.Conversion conv)) {
            return Sql.update(c, "UPDATE experiment_impressions SET " + flag + " = 1 WHERE request_id = ?", requestId) == 1;
        }
        if (conv.item().isPresent()) {
            long added = Sql.update(c, "INSERT INTO experiment_conversions (request_id, item) SELECT ?, ? WHERE EXISTS "
                    + "(SELECT 1 FROM experiment_impressions WHERE request_id = ?) ON CONFLICT (request_id, item) DO NOTHING",
                    requestId, conv.item().get(), requestId);
            if (added == 0) {
                return Sql.count(c, "SELECT COUNT(*) FROM experiment_impressions WHERE request_id = ?", requestId) == 1;
            }
        }
        double r = conv.revenue().orElse(0.0);
        return Sql.update(c, "UPDATE experiment_impressions SET converted = 1, revenue_conversions = revenue_conversions + ?, "
                + "revenue = revenue + ? WHERE request_id = ?", conv.revenue().isPresent() ? 1 : 0, r, requestId) == 1;
    }

    @Override
    public List<Participation> participations(SubjectId subject) {
        return db.readConsistent("read participations", c -> {
            Map<String, Long> counts = new java.util.HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT experiment, COUNT(*) FROM experiment_impressions WHERE subject = ? "
                    + "GROUP BY experiment")) {
                ps.setString(1, subject.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            List<Participation> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT experiment, variant, first_exposure, opted_out, corrected "
                    + "FROM experiment_participants WHERE subject = ?")) {
                ps.setString(1, subject.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Participation(ExperimentId.of(rs.getString(1)), rs.getString(2), Codec.instant(rs.getLong(3)),
                                counts.getOrDefault(rs.getString(1), 0L), rs.getInt(4) == 1, rs.getInt(5) == 1));
                    }
                }
            }
            out.sort(java.util.Comparator.comparing(Participation::experiment));
            return out;
        });
    }

    @Override
    public int markSubject(SubjectId subject, SubjectOutcome outcome, Instant at) {
        String flag = switch (outcome) {
            case OPTED_OUT -> "opted_out";
            case CORRECTED -> "corrected";
            case ERASED -> "erased";
        };
        return db.write("mark participations", c -> (int) Sql.update(c, "UPDATE experiment_participants SET " + flag
                + " = 1 WHERE subject = ? AND first_exposure <= ? AND " + flag + " = 0", subject.value(), Codec.micros(at)));
    }

    @Override
    public long eraseSubject(SubjectId subject) {
        return db.write("erase exposures", c -> {
            Map<List<String>, double[]> add = new TreeMap<>(java.util.Comparator.comparing((List<String> k) -> k.get(0))
                    .thenComparing(k -> k.get(1)));
            try (PreparedStatement ps = c.prepareStatement("SELECT experiment, variant, COUNT(*), SUM(clicked), SUM(converted), "
                    + "SUM(too_personal), SUM(not_interested), SUM(revenue_conversions), SUM(revenue), SUM(revenue * revenue) "
                    + "FROM experiment_impressions WHERE subject = ? GROUP BY experiment, variant")) {
                ps.setString(1, subject.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        double[] a = add.computeIfAbsent(List.of(rs.getString(1), rs.getString(2)), k -> new double[12]);
                        for (int k = 0; k < 8; k++) {
                            a[k] += rs.getDouble(3 + k);
                        }
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT experiment, variant, COUNT(*), SUM(opted_out), SUM(corrected), "
                    + "SUM(erased) FROM experiment_participants WHERE subject = ? GROUP BY experiment, variant")) {
                ps.setString(1, subject.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        double[] a = add.computeIfAbsent(List.of(rs.getString(1), rs.getString(2)), k -> new double[12]);
                        for (int k = 0; k < 4; k++) {
                            a[8 + k] += rs.getDouble(3 + k);
                        }
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO experiment_erased (experiment, variant, impressions, clicked, "
                    + "converted, too_personal, not_interested, revenue_conversions, revenue_sum, revenue_sum_squares, subjects, "
                    + "opted_out, corrected, erased) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (experiment, variant) "
                    + "DO UPDATE SET impressions = experiment_erased.impressions + excluded.impressions, "
                    + "clicked = experiment_erased.clicked + excluded.clicked, converted = experiment_erased.converted + excluded.converted, "
                    + "too_personal = experiment_erased.too_personal + excluded.too_personal, "
                    + "not_interested = experiment_erased.not_interested + excluded.not_interested, "
                    + "revenue_conversions = experiment_erased.revenue_conversions + excluded.revenue_conversions, "
                    + "revenue_sum = experiment_erased.revenue_sum + excluded.revenue_sum, "
                    + "revenue_sum_squares = experiment_erased.revenue_sum_squares + excluded.revenue_sum_squares, "
                    + "subjects = experiment_erased.subjects + excluded.subjects, opted_out = experiment_erased.opted_out + excluded.opted_out, "
                    + "corrected = experiment_erased.corrected + excluded.corrected, erased = experiment_erased.erased + excluded.erased")) {
                for (Map.Entry<List<String>, double[]> e : add.entrySet()) {
                    double[] a = e.getValue();
                    ps.setString(1, e.getKey().get(0));
                    ps.setString(2, e.getKey().get(1));
                    for (int k = 0; k < 12; k++) {
                        if (k == 6 || k == 7) {
                            ps.setDouble(3 + k, a[k]);
                        } else {
                            ps.setLong(3 + k, Math.round(a[k]));
                        }
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            Sql.update(c, "DELETE FROM experiment_conversions WHERE request_id IN "
                    + "(SELECT request_id FROM experiment_impressions WHERE subject = ?)", subject.value());
            long n = Sql.update(c, "DELETE FROM experiment_impressions WHERE subject = ?", subject.value());
            n += Sql.update(c, "DELETE FROM experiment_participants WHERE subject = ?", subject.value());
            return n;
        });
    }

    @Override
    public Map<String, VariantTotals> totals(ExperimentId experiment) {
        return db.readConsistent("read experiment totals", c -> {
            Map<String, double[]> t = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT variant, impressions, clicked, converted, too_personal, not_interested, "
                    + "revenue_conversions, revenue_sum, revenue_sum_squares, subjects, opted_out, corrected, erased "
                    + "FROM experiment_erased WHERE experiment = ?")) {
                sum(ps, experiment, t, 0, 12);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT variant, COUNT(*), SUM(clicked), SUM(converted), SUM(too_personal), "
                    + "SUM(not_interested), SUM(revenue_conversions), SUM(revenue), SUM(revenue * revenue) "
                    + "FROM experiment_impressions WHERE experiment = ? GROUP BY variant")) {
                sum(ps, experiment, t, 0, 8);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT variant, COUNT(*), SUM(opted_out), SUM(corrected), SUM(erased) "
                    + "FROM experiment_participants WHERE experiment = ? GROUP BY variant")) {
                sum(ps, experiment, t, 8, 4);
            }
            Map<String, VariantTotals> out = new TreeMap<>();
            t.forEach((v, a) -> {
                if (a[0] > 0) {
                    out.put(v, new VariantTotals(l(a[0]), l(a[1]), l(a[2]), l(a[3]), l(a[4]), l(a[5]), a[6], a[7],
                            l(a[8]), l(a[9]), l(a[10]), l(a[11])));
                }
            });
            return out;
        });
    }

    private static void sum(PreparedStatement ps, ExperimentId experiment, Map<String, double[]> t, int offset, int n)
            throws SQLException {
        ps.setString(1, experiment.value());
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                double[] a = t.computeIfAbsent(rs.getString(1), k -> new double[12]);
                for (int k = 0; k < n; k++) {
                    a[offset + k] += rs.getDouble(2 + k);
                }
            }
        }
    }

    private static long l(double d) {
        return Math.round(d);
    }

    @Override
    public void close() {
        committer.close();
    }
}
