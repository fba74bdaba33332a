package dev.candor.explain;

import java.util.List;

/** Sentence assembly for reasons. */
final class Texts {
    private Texts() {
    }

    /** {@return "A", "A and B", "A, B and C"} */
    static String join(List<String> parts) {
        return switch (parts.size()) {
            case 0 -> "";
            case 1 -> parts.getFirst();
            default -> String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.getLast();
        };
    }
}
