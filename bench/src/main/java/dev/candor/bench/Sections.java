package dev.candor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Replaces one generated section of docs/benchmarks.md (between marker comments), adding it when absent. */
final class Sections {
    private Sections() {
    }

    static void write(Path docs, String name, String title, String body) throws IOException {
        String begin = "<!-- " + name + ":begin -->";
        String end = "<!-- " + name + ":end -->";
        String text = Files.exists(docs) ? Files.readString(docs) : "# Benchmarks\n";
        int b = text.indexOf(begin);
        int e = text.indexOf(end);
        if (b < 0 || e < 0) {
            text = text.stripTrailing() + "\n\n## " + title + "\n\n" + begin + "\n" + end + "\n";
            b = text.indexOf(begin);
            e = text.indexOf(end);
        }
        Files.writeString(docs, text.substring(0, b + begin.length()) + "\n" + body + text.substring(e));
    }
}
