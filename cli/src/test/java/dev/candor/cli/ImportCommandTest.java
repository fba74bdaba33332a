package dev.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.model.ItemId;
import dev.candor.server.Launcher;
import dev.candor.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code candor import}: every format, bad rows reported with line numbers, good rows stored. */
class ImportCommandTest {
    @TempDir
    Path dir;

    private String run(String... args) {
        return CliRun.expecting(0, args);
    }

    private String runExpecting(int exit, String... args) {
        return CliRun.expecting(exit, args);
    }

    private long storedEvents(Path data) {
        try (Launcher.Offline o = Launcher.Offline.open(data, Optional.empty())) {
            return o.storage().events().count();
        }
    }

    @Test
    void movieLens100k_importsEveryRatingWithTheMovieCatalog() {
        Path udata = SharedData.require("ml-100k/u.data");
        Path data = dir.resolve("ml");
        String out = run("import", udata.toString(), "--grant", "personalization,behavioral", "--data", data.toString());
        assertThat(out).contains("Catalog: 1,682 items from u.item").contains("Read 100,000 rows: 100,000 imported")
                .contains("Users: 943 (consent recorded for 943)").contains("Items created: 0");
        assertThat(storedEvents(data)).isEqualTo(100_000);
        try (Launcher.Offline o = Launcher.Offline.open(data, Optional.empty())) {
            var toyStory = o.storage().items().get(ItemId.of("1")).orElseThrow();
            assertThat(toyStory.title()).isEqualTo("Toy Story (1995)");
            assertThat(toyStory.categories()).containsExactly("animation", "children's", "comedy");
        }
    }

    @Test
    void delimitedFile_badRowsAreReportedByLine_goodRowsAreKept() throws Exception {
        Path csv = dir.resolve("events.tsv");
        Files.writeString(csv, String.join("\n",
                "item\tignored\tuser\tvalue\ttimestamp",
                "sku-1\tx\talice\t5\t2024-05-01T10:00:00Z",
                "sku-2\tx\talice\tfive\t2024-05-01T10:00:00Z",
                "sku-3\tx\tbob\t4\t1714557600",
                "sku-4\tx",
                "\tx\tcarol\t3\t1714557600",
                "sku-5\tx\tcarol\t4\tyesterday",
                "sku-6\tx\tdave\t2\t2024-05-02") + "\n");
        Path data = dir.resolve("csv");
        String out = run("import", csv.toString(), "--format", "delimited", "--delimiter", "tab", "--header",
                "--columns", "item,-,user,value,timestamp", "--grant", "personalization,behavioral", "--data", data.toString());
        assertThat(out).contains("Read 3 rows: 3 imported").contains("4 unreadable").contains("Items created: 3")
                .contains("line 3: value is not a number").contains("line 5: expected at least 5 columns, found 2")
                .contains("line 6: item is empty").contains("line 7: timestamp is neither");
        assertThat(out).doesNotContain("alice").doesNotContain("carol");
        assertThat(storedEvents(data)).isEqualTo(3);
    }

    @Test
    void jsonLines_andUsersWithoutConsentAreDroppedNotStored() throws Exception {
        Path jsonl = dir.resolve("events.jsonl");
        Files.writeString(jsonl, String.join("\n",
                "{\"user\":\"u1\",\"item\":\"i1\",\"value\":4,\"timestamp\":1714557600}",
                "{\"user\":\"u2\",\"item\":\"i1\"}",
                "{\"user\":\"u2\",\"item\":\"i2\",\"value\":\"high\"}",
                "{\"user\":\"u3\",\"item\":{\"nested\":1}}",
                "not json at all",
                "{\"user\":7,\"item\":\"i3\",\"type\":\"view\"}") + "\n");
        Path data = dir.resolve("jsonl");
        String out = runExpecting(1, "import", jsonl.toString(), "--data", data.toString()); // nothing imported: exit 1
        assertThat(out).contains("Read 3 rows: 0 imported, 3 dropped {no_consent=3}").contains("3 unreadable")
                .contains("line 3: value must be a finite number").contains("line 4: nested objects")
                .contains("line 5: malformed JSON").contains("no --grant given");
        assertThat(storedEvents(data)).isZero();
        String granted = run("import", jsonl.toString(), "--grant", "personalization,behavioral", "--data", data.toString());
        assertThat(granted).contains("Read 3 rows: 3 imported");
        assertThat(storedEvents(data)).isEqualTo(3);
    }
}
