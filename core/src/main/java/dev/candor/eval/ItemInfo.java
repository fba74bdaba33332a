package dev.candor.eval;

import java.util.List;

/**
 * Side information of a fold's item universe, by column index: external id, title and categories.
 * Lists are aligned; categories may be empty when the data set has none.
 */
public record ItemInfo(List<String> ids, List<String> titles, List<List<String>> categories) {
    public ItemInfo {
        ids = List.copyOf(ids);
        titles = List.copyOf(titles);
        categories = categories.stream().map(List::copyOf).toList();
        if (titles.size() != ids.size() || categories.size() != ids.size()) {
            throw new IllegalArgumentException("ids, titles and categories must have the same length");
        }
    }

    public int size() {
        return ids.size();
    }
}
