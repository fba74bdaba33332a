package dev.candor.store.sql;

import dev.candor.model.Purpose;
import dev.candor.monitor.BucketCounts;
import dev.candor.store.MonitorStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Trust-metric buckets in {@code trust_counters}, {@code trust_erasures} and {@code trust_census},
 * and item exposure in {@code item_exposure}. Counters are added with an upsert, so writers on
 * several nodes add up. Counts only.
 */
final class SqlMonitorStore implements MonitorStore {
    private static final String KNOWN = "known";
    private static final String GRANTED = "granted.";
    private final Database db;

    SqlMonitorStore(Database db) {
        this.db = db;
    }

    @Override
    public void addBuckets(List<BucketCounts> deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        db.write("store trust metrics", c -> {
            try (PreparedStatement add = c.prepareStatement("INSERT INTO trust_counters (bucket_start, name, value) VALUES (?, ?, ?) "
                    + "ON CONFLICT (bucket_start, name) DO UPDATE SET value = trust_counters.value + excluded.value");
                 PreparedStatement lat = c.prepareStatement("INSERT INTO trust_erasures (bucket_start, millis) VALUES (?, ?)");
                 PreparedStatement census = c.prepareStatement("INSERT INTO trust_census (bucket_start, name, value) VALUES (?, ?, ?) "
                         + "ON CONFLICT (bucket_start, name) DO UPDATE SET value = excluded.value")) {
                for (BucketCounts d : deltas) {
                    long start = d.start().toEpochMilli();
                    for (Map.Entry<String, Long> e : d.counters().entrySet()) {
                        add.setLong(1, start);
                        add.setString(2, e.getKey());
                        add.setLong(3, e.getValue());
                        add.addBatch();
                    }
                    for (long ms : d.erasureMillis()) {
                        lat.setLong(1, start);
                        lat.setLong(2, ms);
                        lat.addBatch();
                    }
                    if (d.census().isPresent()) {
                        Map<String, Long> values = new TreeMap<>();
                        values.put(KNOWN, d.census().get().known());
                        d.census().get().granted().forEach((p, n) -> values.put(GRANTED + p.wireName(), n));
                        for (Map.Entry<String, Long> e : values.entrySet()) {
                            census.setLong(1, start);
                            census.setString(2, e.getKey());
                            census.setLong(3, e.getValue());
                            census.addBatch();
                        }
                    }
                }
                add.executeBatch();
                lat.executeBatch();
                census.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<BucketCounts> buckets(Instant from) {
        long f = from.toEpochMilli();
        return db.readConsistent("read trust metrics", c -> {
            TreeMap<Long, Map<String, Long>> counters = new TreeMap<>();
            Map<Long, List<Long>> latencies = new HashMap<>();
            Map<Long, Map<String, Long>> census = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT bucket_start, name, value FROM trust_counters WHERE bucket_start >= ?")) {
                ps.setLong(1, f);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counters.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getLong(3));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT bucket_start, millis FROM trust_erasures WHERE bucket_start >= ? ORDER BY id")) {
                ps.setLong(1, f);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counters.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>());
                        latencies.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT bucket_start, name, value FROM trust_census WHERE bucket_start >= ?")) {
                ps.setLong(1, f);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counters.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>());
                        census.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
                    }
                }
            }
            List<BucketCounts> out = new ArrayList<>(counters.size());
            counters.forEach((start, m) -> out.add(new BucketCounts(Instant.ofEpochMilli(start), m,
                    latencies.getOrDefault(start, List.of()), census(census.get(start)))));
            return out;
        });
    }

    private static Optional<BucketCounts.Census> census(Map<String, Long> values) {
        if (values == null || !values.containsKey(KNOWN)) {
            return Optional.empty();
        }
        Map<Purpose, Long> granted = new EnumMap<>(Purpose.class);
        values.forEach((k, v) -> {
            if (k.startsWith(GRANTED)) {
                Purpose.fromWire(k.substring(GRANTED.length())).ifPresent(p -> granted.put(p, v));
            }
        });
        return Optional.of(new BucketCounts.Census(values.get(KNOWN), granted));
    }

    @Override
    public void addExposure(Map<LocalDate, Map<String, Long>> counts) {
        if (counts.values().stream().allMatch(Map::isEmpty)) {
            return;
        }
        db.write("store item exposure", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO item_exposure (day, item, served) VALUES (?, ?, ?) "
                    + "ON CONFLICT (day, item) DO UPDATE SET served = item_exposure.served + excluded.served")) {
                for (Map.Entry<LocalDate, Map<String, Long>> d : counts.entrySet()) {
                    for (Map.Entry<String, Long> e : d.getValue().entrySet()) {
                        ps.setLong(1, d.getKey().toEpochDay());
                        ps.setString(2, e.getKey());
                        ps.setLong(3, e.getValue());
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Map<LocalDate, Map<String, Long>> exposure(LocalDate from) {
        return db.read("read item exposure", c -> {
            Map<LocalDate, Map<String, Long>> out = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT day, item, served FROM item_exposure WHERE day >= ?")) {
                ps.setLong(1, from.toEpochDay());
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(LocalDate.ofEpochDay(rs.getLong(1)), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void deleteBefore(Instant bucketsBefore, LocalDate daysBefore) {
        long b = bucketsBefore.toEpochMilli();
        db.write("delete old monitor counts", c -> {
            Sql.update(c, "DELETE FROM trust_counters WHERE bucket_start < ?", b);
            Sql.update(c, "DELETE FROM trust_erasures WHERE bucket_start < ?", b);
            Sql.update(c, "DELETE FROM trust_census WHERE bucket_start < ?", b);
            Sql.update(c, "DELETE FROM item_exposure WHERE day < ?", daysBefore.toEpochDay());
            return null;
        });
    }
}
