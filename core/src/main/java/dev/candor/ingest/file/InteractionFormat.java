package dev.candor.ingest.file;

import java.util.Locale;
import java.util.Optional;

/** The interaction file formats Candor reads. */
public enum InteractionFormat {
    /** MovieLens 100K {@code u.data}: tab-separated {@code user item rating timestamp}, no header. */
    MOVIELENS_100K("movielens-100k"),
    /** MovieLens {@code ratings.csv}: {@code userId,movieId,rating,timestamp} with a header. */
    MOVIELENS_CSV("movielens-csv"),
    /** Any delimited file, with a delimiter, an optional header and a column mapping. */
    DELIMITED("delimited"),
    /** One JSON object per line: {@code {"user":…, "item":…, "value":…, "timestamp":…}}. */
    JSONL("jsonl");

    private final String wireName;

    InteractionFormat(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<InteractionFormat> fromWire(String name) {
        for (InteractionFormat f : values()) {
            if (f.wireName.equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
