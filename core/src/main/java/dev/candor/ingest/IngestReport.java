package dev.candor.ingest;

import dev.candor.consent.DropReason;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a batch: how many events were accepted (durable), how many valid events were
 * dropped for lack of consent (by reason; never stored), and the rows rejected as invalid.
 */
public record IngestReport(int accepted, Map<DropReason, Integer> dropped, List<RowError> errors) {
    public IngestReport {
        dropped = dropped.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(dropped));
        errors = List.copyOf(errors);
    }

    public int droppedTotal() {
        return dropped.values().stream().mapToInt(Integer::intValue).sum();
    }
}
