package dev.candor.store.sql;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Column encodings shared by both dialects. String lists and maps are stored as length-prefixed
 * text ({@code 5:drama6:comedy}), which round-trips any content (separators inside values
 * included) without a JSON library in this module. Instants are epoch microseconds.
 */
final class Codec {
    private Codec() {
    }

    static String strings(Collection<String> values) {
        StringBuilder sb = new StringBuilder();
        for (String v : values) {
            sb.append(v.length()).append(':').append(v);
        }
        return sb.toString();
    }

    static List<String> strings(String encoded) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < encoded.length()) {
            int colon = encoded.indexOf(':', i);
            if (colon < 0) {
                throw new IllegalStateException("corrupt list column");
            }
            int len = Integer.parseInt(encoded, i, colon, 10);
            out.add(encoded.substring(colon + 1, colon + 1 + len));
            i = colon + 1 + len;
        }
        return out;
    }

    static String map(Map<String, String> values) {
        List<String> flat = new ArrayList<>(values.size() * 2);
        values.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            flat.add(e.getKey());
            flat.add(e.getValue());
        });
        return strings(flat);
    }

    static Map<String, String> map(String encoded) {
        List<String> flat = strings(encoded);
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            out.put(flat.get(i), flat.get(i + 1));
        }
        return out;
    }

    static long micros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }

    static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
